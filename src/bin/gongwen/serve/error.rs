//! API errors: one JSON shape, `{"error": {"code", "message"}}`, and one table from the
//! library's stable codes to HTTP statuses.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::pool::PoolError;

/// An error answer: status, stable code, message.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// The body is larger than the input limit.
    pub(crate) fn too_large(limit: u64) -> Self {
        let error = gongwen::Error::LimitExceeded {
            what: gongwen::Limit::InputBytes,
            limit,
        };
        Self::from(&error)
    }

    /// The JSON object of this error, for a JSON Lines answer.
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::json!({ "error": { "code": self.code, "message": self.message } })
    }
}

impl From<&gongwen::Error> for ApiError {
    fn from(e: &gongwen::Error) -> Self {
        let message = match e {
            // The library's message names the CLI flag; over HTTP the password is a header.
            gongwen::Error::Encrypted {
                format,
                password_given,
            } => format!(
                "the {format} file is encrypted; {}",
                if *password_given {
                    "the password in X-Gongwen-Password did not open it"
                } else {
                    "send its password in the X-Gongwen-Password header"
                }
            ),
            gongwen::Error::LimitExceeded { what, .. } => {
                format!("{e} (the server's --limit-{})", what.flag())
            }
            _ => e.to_string(),
        };
        ApiError::new(status_of(e), e.code(), message)
    }
}

impl From<PoolError> for ApiError {
    fn from(e: PoolError) -> Self {
        match e {
            PoolError::QueueFull => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "queue_full",
                "every worker is busy and the queue is full; retry later",
            ),
            PoolError::Timeout(limit) => ApiError::new(
                StatusCode::GATEWAY_TIMEOUT,
                "timeout",
                format!("timed out after {:.1} s", limit.as_secs_f64()),
            ),
            PoolError::Panicked => ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error (panic) while converting; please report this file",
            ),
        }
    }
}

/// The HTTP status of a library error.
fn status_of(e: &gongwen::Error) -> StatusCode {
    match e.code() {
        "unknown_format" | "unsupported_format" => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "empty" | "encrypted" | "malformed" => StatusCode::UNPROCESSABLE_ENTITY,
        "limit_exceeded" => match e {
            gongwen::Error::LimitExceeded {
                what: gongwen::Limit::InputBytes,
                ..
            } => StatusCode::PAYLOAD_TOO_LARGE,
            // A zip bomb or a too-deep file: the request was fine, the content is refused.
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        },
        "timeout" => StatusCode::GATEWAY_TIMEOUT,
        // `io` cannot come from bytes in memory; whatever it is, it is the server's fault.
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = self.json().to_string();
        body.push('\n');
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response();
        // Handlers answer through `Result<_, ApiError>`; the metrics layer reads the code here.
        response.extensions_mut().insert(ErrorCode(self.code));
        response
    }
}

/// The stable code of an error answer, kept for the metrics layer.
#[derive(Clone, Copy)]
pub(crate) struct ErrorCode(pub &'static str);

#[cfg(test)]
mod tests {
    use super::*;

    fn status(e: gongwen::Error) -> u16 {
        ApiError::from(&e).status.as_u16()
    }

    #[test]
    fn library_errors_map_to_statuses() {
        use gongwen::{Error, Format, Limit};
        assert_eq!(status(Error::Empty), 422);
        assert_eq!(status(Error::UnknownFormat { hint: None }), 415);
        let malformed = Error::Malformed {
            format: Format::Pdf,
            reason: "x".into(),
        };
        assert_eq!(status(malformed), 422);
        let limit = |what| Error::LimitExceeded { what, limit: 1 };
        assert_eq!(status(limit(Limit::InputBytes)), 413);
        assert_eq!(status(limit(Limit::CompressionRatio)), 422);
        assert_eq!(status(Error::Internal { format: None }), 500);
        assert_eq!(status(Error::Timeout { seconds: 1 }), 504);
        assert_eq!(status(Error::Io(std::io::Error::other("x"))), 500);
    }

    #[test]
    fn pool_errors_map_to_statuses() {
        assert_eq!(ApiError::from(PoolError::QueueFull).status, 503);
        assert_eq!(ApiError::from(PoolError::Panicked).status, 500);
        let timeout = ApiError::from(PoolError::Timeout(std::time::Duration::from_secs(1)));
        assert_eq!((timeout.status.as_u16(), timeout.code), (504, "timeout"));
    }
}
