//! The routes: `/` (the page), `/v1/convert`, `/v1/normalize`, `/healthz`, `/v1/version`,
//! `/metrics`; plus the layer that counts requests, checks the bearer token and records
//! failures by code.

use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use http_body_util::BodyExt;
use serde::Deserialize;

use super::error::{ApiError, ErrorCode};
use super::AppState;
use gongwen::OutputFormat;

type AppResult = Result<Response, ApiError>;
type Shared = State<Arc<AppState>>;

/// Room for the multipart framing (boundaries, part headers) on top of the input limit.
const MULTIPART_SLACK: u64 = 64 * 1024;

pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/healthz", get(healthz))
        .route("/v1/version", get(version))
        .route("/metrics", get(metrics))
        .route("/v1/convert", post(convert))
        .route("/v1/normalize", post(normalize))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(Arc::clone(&state), track))
        .with_state(state)
}

/// Count the request, hold the in-flight gauge, check the token, count a failure.
async fn track(State(state): Shared, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let endpoint = endpoint_of(path);
    let guarded = path.starts_with("/v1/") || path == "/metrics";
    state.metrics.request(endpoint);
    let _in_flight = InFlight::enter(&state);
    let mut response = match &state.settings.token {
        Some(token) if guarded && !authorized(request.headers(), token) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this server needs `Authorization: Bearer <token>`",
        )
        .into_response(),
        _ => next.run(request).await,
    };
    if let Some(ErrorCode(code)) = response.extensions().get::<ErrorCode>() {
        state.metrics.failure(code);
    }
    let unauthorized = response.status() == StatusCode::UNAUTHORIZED;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if unauthorized {
        headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

fn endpoint_of(path: &str) -> &'static str {
    match path {
        "/" => "page",
        "/v1/convert" => "convert",
        "/v1/normalize" => "normalize",
        "/healthz" => "healthz",
        "/v1/version" => "version",
        "/metrics" => "metrics",
        _ => "other",
    }
}

/// Compare the bearer token without an early exit on the first differing byte.
fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let (a, b) = (given.as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Lowers the in-flight gauge even when the client goes away mid-request.
struct InFlight(Arc<AppState>);

impl InFlight {
    fn enter(state: &Arc<AppState>) -> Self {
        state.metrics.enter();
        InFlight(Arc::clone(state))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.metrics.leave();
    }
}

async fn page() -> Response {
    let csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
               connect-src 'self'; img-src 'self' data: blob:; form-action 'none'; \
               frame-ancestors 'none'; base-uri 'none'";
    (
        [
            (header::CONTENT_SECURITY_POLICY, csp),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        Html(include_str!("page.html")),
    )
        .into_response()
}

async fn healthz() -> Response {
    json_response(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}

async fn version() -> Response {
    let body = serde_json::json!({
        "name": "gongwen",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": "gongwen/1",
        "from": ["auto", "html", "text", "pdf", "docx", "ofd"],
        "to": ["json", "md", "text"],
    });
    json_response(StatusCode::OK, &body)
}

async fn metrics(State(state): Shared) -> Response {
    let (waiting, running) = state.pool.load();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(waiting, running),
    )
        .into_response()
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such endpoint; see /v1/version and docs/server.md",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "method not allowed on this endpoint",
    )
}

fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut body = value.to_string();
    body.push('\n');
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConvertQuery {
    to: Option<String>,
    from: Option<String>,
    /// A file name for a raw body: a format hint and `source.path`, never opened.
    name: Option<String>,
}

/// What one request asks for, checked before any byte of the body is read.
#[derive(Clone)]
struct Plan {
    to: OutputFormat,
    options: gongwen::Options,
}

async fn convert(
    State(state): Shared,
    query: Result<Query<ConvertQuery>, QueryRejection>,
    request: Request,
) -> AppResult {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let mut plan = plan(&query, &state)?;
    plan.options.read.password = request
        .headers()
        .get(PASSWORD_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let content_type = content_type(request.headers());
    let is_multipart = content_type
        .as_deref()
        .is_some_and(|t| t == "multipart/form-data");
    if let Some(t) = content_type.as_deref().filter(|t| is_not_a_document(t)) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("content type {t} is not a document: send the file as the raw body or as multipart/form-data"),
        ));
    }
    let limit = state.settings.limits.input_bytes;
    if !is_multipart {
        plan.options.read.file_name = query.name.clone();
        plan.options.read.http_charset = charset(request.headers());
        let body = read_body(request, limit, &state).await?;
        let converted = convert_bytes(&state, body, plan.clone()).await?;
        return Ok(document_response(plan.to, converted));
    }
    let headers = request.headers().clone();
    let body = read_body(request, limit.saturating_add(MULTIPART_SLACK), &state).await?;
    let files = multipart_files(headers, body).await?;
    if let [(name, bytes)] = files.as_slice() {
        plan.options.read.file_name = Some(name.clone());
        let converted = convert_bytes(&state, bytes.clone(), plan.clone()).await?;
        return Ok(document_response(plan.to, converted));
    }
    Ok(json_lines(&state, files, plan).await)
}

fn plan(query: &ConvertQuery, state: &AppState) -> Result<Plan, ApiError> {
    let to = match query.to.as_deref().unwrap_or("json") {
        "chunks" => {
            return Err(ApiError::bad_request(
                "to=chunks is not available yet (chunking is planned); use to=json, md or text",
            ))
        }
        name => OutputFormat::from_name(name).ok_or_else(|| {
            ApiError::bad_request(format!("unknown to={name}: expected json, md or text"))
        })?,
    };
    let from = match query.from.as_deref() {
        None => crate::From::Auto,
        Some(name) => <crate::From as clap::ValueEnum>::from_str(name, true).map_err(|_| {
            ApiError::bad_request(format!(
                "unknown from={name}: expected auto, html, text, pdf, docx or ofd"
            ))
        })?,
    };
    let mut options = gongwen::Options::default();
    options.read.format = from.format();
    options.read.limits = state.settings.limits.clone();
    Ok(Plan { to, options })
}

/// A PDF password travels in a header, never in the URL (which proxies log).
const PASSWORD_HEADER: &str = "x-gongwen-password";

/// The media type of the request, lowercased, without parameters.
fn content_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let media = value.split(';').next().unwrap_or("").trim();
    Some(media.to_ascii_lowercase())
}

/// Types an API client sends by mistake: a JSON request, or multipart that is not a form.
/// `application/x-www-form-urlencoded` is not among them: it is curl's default for
/// `--data-binary @file`, so it is taken as the raw file.
fn is_not_a_document(media: &str) -> bool {
    matches!(
        media,
        "application/json" | "multipart/mixed" | "multipart/alternative"
    )
}

/// The `charset=` parameter of the Content-Type, a decoding hint for HTML and text.
fn charset(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    value.split(';').skip(1).find_map(|param| {
        let (key, val) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| val.trim().trim_matches('"').to_string())
    })
}

/// Read the whole body within `limit` bytes and the read deadline.
async fn read_body(request: Request, limit: u64, state: &AppState) -> Result<Bytes, ApiError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::too_large(state.settings.limits.input_bytes));
    }
    let mut body = request.into_body();
    let collect = async {
        // A declared length is a promise, not bytes: reserve at most 1 MiB before they come.
        let reserve = declared.unwrap_or(0).min(1 << 20) as usize;
        let mut buf = Vec::with_capacity(reserve);
        while let Some(frame) = body.frame().await {
            let frame =
                frame.map_err(|e| ApiError::bad_request(format!("cannot read the body: {e}")))?;
            if let Ok(data) = frame.into_data() {
                if (buf.len() + data.len()) as u64 > limit {
                    return Err(ApiError::too_large(state.settings.limits.input_bytes));
                }
                buf.extend_from_slice(&data);
            }
        }
        Ok(Bytes::from(buf))
    };
    let deadline = state.settings.read_timeout;
    tokio::time::timeout(deadline, collect)
        .await
        .unwrap_or_else(|_| {
            Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                format!(
                    "the body did not arrive within {:.1} s",
                    deadline.as_secs_f64()
                ),
            ))
        })
}

/// Every part of a multipart/form-data body, as (file name or field name, bytes), in order.
async fn multipart_files(
    headers: HeaderMap,
    body: Bytes,
) -> Result<Vec<(String, Bytes)>, ApiError> {
    let mut request = Request::new(Body::from(body));
    *request.headers_mut() = headers;
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| ApiError::bad_request(format!("bad multipart request: {}", e.body_text())))?;
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| {
        ApiError::bad_request(format!("malformed multipart body: {}", e.body_text()))
    })? {
        let name = field
            .file_name()
            .or(field.name())
            .map_or_else(|| format!("file{}", files.len() + 1), str::to_string);
        let bytes = field.bytes().await.map_err(|e| {
            ApiError::bad_request(format!("malformed multipart body: {}", e.body_text()))
        })?;
        files.push((name, bytes));
    }
    if files.is_empty() {
        return Err(ApiError::bad_request("the multipart body holds no file"));
    }
    Ok(files)
}

/// Convert and render on the pool.
async fn convert_bytes(
    state: &Arc<AppState>,
    bytes: Bytes,
    plan: Plan,
) -> Result<Vec<u8>, ApiError> {
    let metrics_state = Arc::clone(state);
    let job = move || {
        let started = Instant::now();
        let result = gongwen::convert(&bytes, &plan.options).map(|doc| {
            let mut out = Vec::with_capacity(bytes.len());
            // Writing to a Vec cannot fail.
            let _ = gongwen::render::render(&doc, plan.to, &mut out);
            out
        });
        metrics_state.metrics.conversion(started.elapsed());
        result
    };
    match state.pool.run(job).await {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(e)) => Err(ApiError::from(&e)),
        Err(e) => Err(ApiError::from(e)),
    }
}

fn document_response(to: OutputFormat, body: Vec<u8>) -> Response {
    let media = match to {
        OutputFormat::Markdown => "text/markdown; charset=utf-8",
        OutputFormat::Text => "text/plain; charset=utf-8",
        OutputFormat::Jsonl => "application/x-ndjson",
        _ => "application/json; charset=utf-8",
    };
    ([(header::CONTENT_TYPE, media)], body).into_response()
}

/// Several files: one JSON line each, in order; a failed file is an error line.
async fn json_lines(state: &Arc<AppState>, files: Vec<(String, Bytes)>, plan: Plan) -> Response {
    let mut out = Vec::new();
    for (name, bytes) in files {
        let mut file_plan = plan.clone();
        file_plan.options.read.file_name = Some(name.clone());
        file_plan.to = match plan.to {
            OutputFormat::Json | OutputFormat::Jsonl => OutputFormat::Jsonl,
            other => other,
        };
        match convert_bytes(state, bytes, file_plan).await {
            Ok(rendered) if plan.to == OutputFormat::Json || plan.to == OutputFormat::Jsonl => {
                out.extend_from_slice(&rendered);
            }
            Ok(rendered) => {
                let line = serde_json::json!({
                    "path": name,
                    "to": plan.to.extension(),
                    "content": String::from_utf8_lossy(&rendered),
                });
                push_line(&mut out, &line);
            }
            Err(e) => {
                state.metrics.failure(e.code);
                let mut line = e.json();
                line["path"] = serde_json::Value::String(name);
                push_line(&mut out, &line);
            }
        }
    }
    ([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response()
}

fn push_line(out: &mut Vec<u8>, value: &serde_json::Value) {
    out.extend_from_slice(value.to_string().as_bytes());
    out.push(b'\n');
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct NormalizeQuery {
    wrapped: bool,
    keep_punctuation: bool,
    keep_fullwidth: bool,
    keep_whitespace: bool,
    keep_quotes: bool,
    keep_line_breaks: bool,
}

impl NormalizeQuery {
    fn options(&self) -> gongwen::NormalizeOptions {
        let mut o = gongwen::NormalizeOptions::default();
        o.punctuation = !self.keep_punctuation;
        o.ascii_alnum = !self.keep_fullwidth;
        o.whitespace = !self.keep_whitespace;
        o.quotes = !self.keep_quotes;
        o.join_lines = !self.keep_line_breaks;
        o
    }
}

async fn normalize(
    State(state): Shared,
    query: Result<Query<NormalizeQuery>, QueryRejection>,
    request: Request,
) -> AppResult {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    if let Some(t) = content_type(request.headers()).filter(|t| !t.starts_with("text/")) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("content type {t}: send UTF-8 text (text/plain)"),
        ));
    }
    let body = read_body(request, state.settings.limits.input_bytes, &state).await?;
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::bad_request(format!(
            "the body is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let options = query.options();
    let wrapped = query.wrapped;
    let metrics_state = Arc::clone(&state);
    let job = move || {
        let started = Instant::now();
        let mut out = Vec::with_capacity(text.len());
        // Writing to a Vec cannot fail.
        let _ = crate::normalize_into(&text, &options, wrapped, &mut out);
        metrics_state.metrics.conversion(started.elapsed());
        out
    };
    let out = state.pool.run(job).await?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], out).into_response())
}
