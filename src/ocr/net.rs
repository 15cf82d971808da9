//! A PP-OCR network as rten runs it, rewritten when it is loaded so that less work is left
//! to rten's slow paths (measured in docs/performance.md, OCR section):
//!
//! 1. the hard-swish that Paddle exports as four nodes (`Add 3`, `Clip 0 6`, `Mul`, `Div 6`)
//!    becomes one step;
//! 2. scalar `Mul`/`Add` steps right after a convolution (PP-LCNetV3's learnable affine blocks,
//!    one pass over the activations each) are folded into its weights and bias, and those
//!    right before an unpadded convolution into its weights;
//! 3. depthwise convolutions, which rten runs with a scalar kernel, are taken out of the graph
//!    with the elementwise steps around them and run by [`super::dwconv`]; the rest of the
//!    graph is cut at them into pieces that rten runs one after another.
//!
//! Every rewrite is exact up to float rounding (the tests compare the rewritten network with
//! rten's run of the original). A model whose graph does not have the expected form is run as
//! it is.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rten::{Model, ModelOptions, NodeId, RunOptions, ThreadPool, Value, ValueOrView};
use rten_onnx::onnx::{
    AttributeProto, AttributeType, DataType, GraphProto, ModelProto, NodeProto, TensorProto,
    ValueInfoProto,
};
use rten_tensor::prelude::*;
use rten_tensor::Tensor;

use super::dwconv::{push_elem, DwConv, Elem};

/// A loaded network: pieces of graph run by rten and depthwise convolutions run natively.
pub(super) struct Net {
    stages: Vec<Stage>,
    /// Value slot of the network's input and of its output.
    input: usize,
    output: usize,
    /// For each slot, the index of the last stage that reads it.
    last_use: Vec<usize>,
    metadata: HashMap<String, String>,
}

enum Stage {
    Graph {
        model: Box<Model>,
        inputs: Vec<(NodeId, usize)>,
        outputs: Vec<NodeId>,
        out_slots: Vec<usize>,
    },
    Depthwise {
        conv: DwConv,
        input: usize,
        output: usize,
    },
}

impl Net {
    /// Load an ONNX model from its bytes; `rewrite: false` loads it as it is.
    pub fn load(bytes: &[u8], rewrite: bool) -> Result<Net, String> {
        let proto = ModelProto::parse_buf(bytes).map_err(|e| e.to_string())?;
        let metadata = proto
            .metadata_props
            .iter()
            .filter_map(|p| Some((p.key.clone()?, p.value.clone().unwrap_or_default())))
            .collect();
        if rewrite {
            if let Ok(mut net) = Rewriter::new(&proto).and_then(|r| r.build(&proto)) {
                net.metadata = metadata;
                return Ok(net);
            }
        }
        let model = ModelOptions::with_all_ops()
            .load(bytes.to_vec())
            .map_err(|e| e.to_string())?;
        let (&input, &output) = match (model.input_ids().first(), model.output_ids().first()) {
            (Some(i), Some(o)) => (i, o),
            _ => return Err("the model has no input or no output".into()),
        };
        Ok(Net {
            stages: vec![Stage::Graph {
                model: Box::new(model),
                inputs: vec![(input, 0)],
                outputs: vec![output],
                out_slots: vec![1],
            }],
            input: 0,
            output: 1,
            last_use: vec![0, 0],
            metadata,
        })
    }

    /// A metadata property of the model.
    pub fn metadata(&self, key: &str) -> Option<&str> {
        self.metadata.get(key).map(String::as_str)
    }

    /// Run the network on `input` with `pool`'s threads.
    pub fn run(&self, input: Tensor<f32>, pool: &Arc<ThreadPool>) -> Result<Tensor<f32>, String> {
        let mut values: Vec<Option<Value>> = (0..self.last_use.len()).map(|_| None).collect();
        values[self.input] = Some(input.into());
        for (k, stage) in self.stages.iter().enumerate() {
            match stage {
                Stage::Graph {
                    model,
                    inputs,
                    outputs,
                    out_slots,
                } => {
                    let mut owned = Vec::new();
                    for &(id, slot) in inputs {
                        if self.last_use[slot] == k && slot != self.output {
                            if let Some(v) = values[slot].take() {
                                owned.push((id, v));
                            }
                        }
                    }
                    let mut args: Vec<(NodeId, ValueOrView)> =
                        owned.into_iter().map(|(id, v)| (id, v.into())).collect();
                    for &(id, slot) in inputs {
                        if let Some(v) = values[slot].as_ref() {
                            args.push((id, v.into()));
                        }
                    }
                    let opts = RunOptions::default().with_thread_pool(Some(Arc::clone(pool)));
                    let res = model
                        .run(args, outputs, Some(opts))
                        .map_err(|e| e.to_string())?;
                    for (&slot, v) in out_slots.iter().zip(res) {
                        values[slot] = Some(v);
                    }
                }
                Stage::Depthwise {
                    conv,
                    input,
                    output,
                } => {
                    let x = match values[*input].as_ref() {
                        Some(Value::FloatTensor(t)) => t,
                        _ => return Err("depthwise convolution: no float input".into()),
                    };
                    let &[n, c, h, w] = x.shape() else {
                        return Err(format!(
                            "depthwise convolution: input shape {:?}",
                            x.shape()
                        ));
                    };
                    if c != conv.channels {
                        return Err(format!("depthwise convolution: {c} channels"));
                    }
                    let contiguous;
                    let data = match x.data() {
                        Some(d) => d,
                        None => {
                            contiguous = x.to_vec();
                            &contiguous
                        }
                    };
                    let (out, (oh, ow)) = pool.run(|| conv.run(data, n, h, w))?;
                    if self.last_use[*input] == k {
                        values[*input] = None;
                    }
                    values[*output] = Some(Tensor::from_data(&[n, c, oh, ow], out).into());
                }
            }
        }
        match values[self.output].take() {
            Some(v) => Tensor::<f32>::try_from(v).map_err(|e| e.to_string()),
            None => Err("the network produced no output".into()),
        }
    }
}

/// The graph being rewritten: its nodes in topological order (`None`: removed) and constants.
struct Rewriter {
    nodes: Vec<Option<NodeProto>>,
    /// Depthwise convolutions taken out, at the position of their node.
    native: HashMap<usize, (DwConv, String, String)>,
    /// Constant node or initializer tensors by value name.
    consts: HashMap<String, TensorProto>,
    graph_inputs: Vec<String>,
    graph_outputs: Vec<String>,
    fresh: usize,
}

fn attr<'a>(node: &'a NodeProto, name: &str) -> Option<&'a AttributeProto> {
    node.attribute
        .iter()
        .find(|a| a.name.as_deref() == Some(name))
}

fn op(node: &NodeProto) -> &str {
    node.op_type.as_deref().unwrap_or_default()
}

fn floats(t: &TensorProto) -> Option<Vec<f32>> {
    if t.data_type != Some(DataType::FLOAT) {
        return None;
    }
    if let Some(raw) = &t.raw_data {
        let raw = raw.borrow();
        if raw.len() % 4 != 0 {
            return None;
        }
        return Some(
            raw.chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        );
    }
    Some(t.float_data.clone())
}

impl Rewriter {
    fn new(proto: &ModelProto) -> Result<Rewriter, String> {
        let graph = proto.graph.as_ref().ok_or("no graph")?;
        let mut consts = HashMap::new();
        for t in &graph.initializer {
            if let Some(name) = &t.name {
                consts.insert(name.clone(), t.clone());
            }
        }
        for n in &graph.node {
            if op(n) == "Constant" {
                if let (Some(out), Some(t)) = (
                    n.output.first(),
                    attr(n, "value").and_then(|a| a.t.as_ref()),
                ) {
                    consts.insert(out.clone(), t.clone());
                }
            }
        }
        let names = |v: &[ValueInfoProto]| -> Vec<String> {
            v.iter()
                .filter_map(|i| i.name.clone())
                .filter(|n| !consts.contains_key(n))
                .collect()
        };
        let mut r = Rewriter {
            nodes: graph
                .node
                .iter()
                .map(|n| (op(n) != "Constant").then(|| n.clone()))
                .collect(),
            native: HashMap::new(),
            graph_inputs: names(&graph.input),
            graph_outputs: names(&graph.output),
            consts,
            fresh: 0,
        };
        if r.graph_inputs.len() != 1 || r.graph_outputs.len() != 1 {
            return Err("not one input and one output".into());
        }
        r.fuse_hardswish();
        r.fold_after_conv();
        r.fold_before_conv();
        r.extract_depthwise();
        Ok(r)
    }

    fn scalar(&self, name: &str) -> Option<f32> {
        match floats(self.consts.get(name)?)?.as_slice() {
            [v] => Some(*v),
            _ => None,
        }
    }

    fn new_const(&mut self, dims: Vec<i64>, data: &[f32]) -> String {
        self.fresh += 1;
        let name = format!("gongwen.folded.{}", self.fresh);
        let bytes: Vec<u8> = data.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.consts.insert(
            name.clone(),
            TensorProto {
                dims,
                data_type: Some(DataType::FLOAT),
                raw_data: Some(RefCell::new(bytes)),
                name: Some(name.clone()),
                ..TensorProto::default()
            },
        );
        name
    }

    /// Readers of each value: node indices, `usize::MAX` for the graph output.
    fn uses(&self) -> HashMap<String, Vec<usize>> {
        let mut uses: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in self.nodes.iter().enumerate() {
            for input in n.iter().flat_map(|n| &n.input) {
                uses.entry(input.clone()).or_default().push(i);
            }
        }
        for (i, (_, input, _)) in &self.native {
            uses.entry(input.clone()).or_default().push(*i);
        }
        for o in &self.graph_outputs {
            uses.entry(o.clone()).or_default().push(usize::MAX);
        }
        uses
    }

    /// The node writing each value.
    fn producers(&self) -> HashMap<String, usize> {
        let mut p = HashMap::new();
        for (i, n) in self.nodes.iter().enumerate() {
            for out in n.iter().flat_map(|n| &n.output) {
                p.insert(out.clone(), i);
            }
        }
        p
    }

    /// Node `i` as a per-tensor elementwise step: the step and the value it reads.
    fn elem(&self, i: usize) -> Option<(Elem, String)> {
        let n = self.nodes.get(i)?.as_ref()?;
        if n.output.len() != 1 {
            return None;
        }
        let a = n.input.first()?;
        let b = n.input.get(1);
        let sc = |name: Option<&String>| name.and_then(|v| self.scalar(v));
        let var = |name: &String| !self.consts.contains_key(name);
        match (op(n), n.input.len()) {
            ("Mul", 2) | ("Add", 2) => {
                let (x, k) = match (sc(Some(a)), b) {
                    (Some(k), Some(b)) if var(b) => (b, k),
                    (None, Some(b)) if var(a) => (a, sc(Some(b))?),
                    _ => return None,
                };
                let e = if op(n) == "Mul" {
                    Elem::Affine(k, 0.0)
                } else {
                    Elem::Affine(1.0, k)
                };
                Some((e, x.clone()))
            }
            ("Sub", 2) if var(a) => Some((Elem::Affine(1.0, -sc(b)?), a.clone())),
            ("Div", 2) if var(a) => {
                let k = sc(b)?;
                (k != 0.0).then(|| (Elem::Affine(1.0 / k, 0.0), a.clone()))
            }
            ("HardSwish", 1) if var(a) => Some((Elem::HardSwish, a.clone())),
            ("Relu", 1) if var(a) => Some((Elem::Clip(0.0, f32::INFINITY), a.clone())),
            ("Clip", _) if var(a) && attr(n, "min").is_none() && attr(n, "max").is_none() => {
                let bound = |j: usize, default: f32| match n.input.get(j) {
                    None => Some(default),
                    Some(s) if s.is_empty() => Some(default),
                    Some(s) => self.scalar(s),
                };
                Some((
                    Elem::Clip(bound(1, f32::NEG_INFINITY)?, bound(2, f32::INFINITY)?),
                    a.clone(),
                ))
            }
            _ => None,
        }
    }

    /// `x * clip(x + 3, 0, 6) / 6` as four nodes → one `HardSwish`.
    fn fuse_hardswish(&mut self) {
        let uses = self.uses();
        let prod = self.producers();
        let single = |v: &str| uses.get(v).is_some_and(|u| u.len() == 1);
        for d in 0..self.nodes.len() {
            let Some((Elem::Affine(s, b), m_out)) = self.elem(d) else {
                continue;
            };
            if (s - 1.0 / 6.0).abs() > 1e-6 || b != 0.0 || !single(&m_out) {
                continue;
            }
            let Some(&m) = prod.get(&m_out) else { continue };
            let Some(mnode) = self.nodes[m]
                .as_ref()
                .filter(|n| op(n) == "Mul" && n.input.len() == 2)
            else {
                continue;
            };
            let (m0, m1) = (mnode.input[0].clone(), mnode.input[1].clone());
            let found =
                [(m0.clone(), m1.clone()), (m1, m0)]
                    .into_iter()
                    .find_map(|(x, clip_out)| {
                        let c = *prod.get(&clip_out)?;
                        let (Elem::Clip(lo, hi), a_out) = self.elem(c)? else {
                            return None;
                        };
                        if lo != 0.0 || hi != 6.0 || !single(&clip_out) || !single(&a_out) {
                            return None;
                        }
                        let a = *prod.get(&a_out)?;
                        let (Elem::Affine(s, b), ax) = self.elem(a)? else {
                            return None;
                        };
                        (s == 1.0 && b == 3.0 && ax == x).then_some((x, c, a))
                    });
            let Some((x, c, a)) = found else { continue };
            let out = self.nodes[d]
                .as_ref()
                .map(|n| n.output.clone())
                .unwrap_or_default();
            self.nodes[d] = Some(NodeProto {
                op_type: Some("HardSwish".into()),
                input: vec![x],
                output: out,
                ..NodeProto::default()
            });
            for i in [m, c, a] {
                self.nodes[i] = None;
            }
        }
    }

    /// Conv weights (`[out, in/group, kh, kw]` dims and data) and bias (zeros when absent).
    fn conv_params(&self, n: &NodeProto) -> Option<(Vec<i64>, Vec<f32>, Vec<f32>)> {
        let wt = self.consts.get(n.input.get(1)?)?;
        let w = floats(wt)?;
        let out = usize::try_from(*wt.dims.first()?).ok()?;
        if wt.dims.len() != 4 || out == 0 || w.len() % out != 0 {
            return None;
        }
        let bias = match n.input.get(2).filter(|b| !b.is_empty()) {
            Some(b) => floats(self.consts.get(b)?)?,
            None => vec![0.0; out],
        };
        (bias.len() == out).then_some((wt.dims.clone(), w, bias))
    }

    fn set_conv_params(&mut self, i: usize, dims: Vec<i64>, w: &[f32], bias: &[f32]) {
        let out = i64::try_from(bias.len()).unwrap_or(0);
        let wn = self.new_const(dims, w);
        let bn = self.new_const(vec![out], bias);
        if let Some(n) = self.nodes[i].as_mut() {
            n.input.truncate(1);
            n.input.push(wn);
            n.input.push(bn);
        }
    }

    /// Scalar affine steps right after a convolution → its weights and bias.
    fn fold_after_conv(&mut self) {
        loop {
            let uses = self.uses();
            let mut changed = false;
            for i in 0..self.nodes.len() {
                let Some(n) = self.nodes[i].as_ref().filter(|n| op(n) == "Conv") else {
                    continue;
                };
                let Some(out) = n.output.first() else {
                    continue;
                };
                let Some(&[j]) = uses.get(out).map(Vec::as_slice) else {
                    continue;
                };
                let Some((Elem::Affine(s, b), _)) = self.elem(j) else {
                    continue;
                };
                let Some((dims, mut w, mut bias)) = self.conv_params(n) else {
                    continue;
                };
                w.iter_mut().for_each(|v| *v *= s);
                bias.iter_mut().for_each(|v| *v = v.mul_add(s, b));
                let new_out = self.nodes[j]
                    .as_ref()
                    .map(|n| n.output.clone())
                    .unwrap_or_default();
                self.set_conv_params(i, dims, &w, &bias);
                if let Some(n) = self.nodes[i].as_mut() {
                    n.output = new_out;
                }
                self.nodes[j] = None;
                changed = true;
                break;
            }
            if !changed {
                return;
            }
        }
    }

    /// Scalar affine steps right before an unpadded, ungrouped convolution → its weights.
    fn fold_before_conv(&mut self) {
        loop {
            let uses = self.uses();
            let prod = self.producers();
            let mut changed = false;
            for i in 0..self.nodes.len() {
                let Some(n) = self.nodes[i].as_ref().filter(|n| op(n) == "Conv") else {
                    continue;
                };
                let unpadded = attr(n, "pads").is_none_or(|a| a.ints.iter().all(|&p| p == 0))
                    && attr(n, "auto_pad")
                        .and_then(|a| a.s.as_deref())
                        .is_none_or(|s| s == "NOTSET" || s == "VALID");
                let group = attr(n, "group").and_then(|a| a.i).unwrap_or(1);
                let Some(x) = n.input.first() else { continue };
                if !unpadded || group != 1 || uses.get(x).map(Vec::len) != Some(1) {
                    continue;
                }
                let Some(&p) = prod.get(x) else { continue };
                let Some((Elem::Affine(s, b), src)) = self.elem(p) else {
                    continue;
                };
                let Some((dims, mut w, mut bias)) = self.conv_params(n) else {
                    continue;
                };
                let per_out = w.len() / bias.len();
                for (o, chunk) in w.chunks_exact_mut(per_out).enumerate() {
                    bias[o] += b * chunk.iter().sum::<f32>();
                    chunk.iter_mut().for_each(|v| *v *= s);
                }
                self.set_conv_params(i, dims, &w, &bias);
                if let Some(n) = self.nodes[i].as_mut() {
                    n.input[0] = src;
                }
                self.nodes[p] = None;
                changed = true;
                break;
            }
            if !changed {
                return;
            }
        }
    }

    /// Depthwise convolutions, with the elementwise steps around them, out of the graph.
    fn extract_depthwise(&mut self) {
        for i in 0..self.nodes.len() {
            let Some(n) = self.nodes[i].as_ref().filter(|n| op(n) == "Conv") else {
                continue;
            };
            let Some(conv) = self.depthwise(n) else {
                continue;
            };
            let (Some(input), Some(output)) = (n.input.first().cloned(), n.output.first().cloned())
            else {
                continue;
            };
            self.nodes[i] = None;
            self.native.insert(i, (conv, input, output));
            self.absorb(i);
        }
    }

    fn depthwise(&self, n: &NodeProto) -> Option<DwConv> {
        let (dims, weights, bias) = self.conv_params(n)?;
        let group = attr(n, "group").and_then(|a| a.i)?;
        let channels = usize::try_from(group).ok()?;
        let ints =
            |name: &str, default: Vec<i64>| attr(n, name).map_or(default, |a| a.ints.clone());
        let to_usize = |v: &[i64]| {
            v.iter()
                .map(|&x| usize::try_from(x).ok())
                .collect::<Option<Vec<_>>>()
        };
        let pads = to_usize(&ints("pads", vec![0; 4]))?;
        let strides = to_usize(&ints("strides", vec![1, 1]))?;
        let dilations = ints("dilations", vec![1, 1]);
        let auto_pad = attr(n, "auto_pad").and_then(|a| a.s.as_deref());
        let kh = usize::try_from(dims[2]).ok()?;
        let kw = usize::try_from(dims[3]).ok()?;
        let ok = channels > 1
            && dims[0] == group
            && dims[1] == 1
            && dilations.iter().all(|&d| d == 1)
            && auto_pad.is_none_or(|s| s == "NOTSET")
            && pads.len() == 4
            && strides.len() == 2
            && strides.iter().all(|&s| s > 0)
            && kh * kw * channels == weights.len();
        ok.then(|| DwConv {
            channels,
            kh,
            kw,
            stride: [strides[0], strides[1]],
            pads: [pads[0], pads[1], pads[2], pads[3]],
            weights,
            bias,
            pre: Vec::new(),
            post: Vec::new(),
        })
    }

    /// Move the single-reader elementwise steps before and after native stage `i` into it.
    fn absorb(&mut self, i: usize) {
        loop {
            let uses = self.uses();
            let Some((_, _, out)) = self.native.get(&i) else {
                return;
            };
            let Some(&[j]) = uses.get(out).map(Vec::as_slice) else {
                break;
            };
            let Some((e, _)) = self.elem(j) else { break };
            let new_out = self.nodes[j]
                .as_ref()
                .and_then(|n| n.output.first().cloned());
            let (Some(new_out), Some(stage)) = (new_out, self.native.get_mut(&i)) else {
                break;
            };
            push_elem(&mut stage.0.post, e);
            stage.2 = new_out;
            self.nodes[j] = None;
        }
        loop {
            let uses = self.uses();
            let prod = self.producers();
            let Some((_, input, _)) = self.native.get(&i) else {
                return;
            };
            if uses.get(input).map(Vec::len) != Some(1) {
                return;
            }
            let Some(&p) = prod.get(input) else { return };
            let Some((e, src)) = self.elem(p) else { return };
            let Some(stage) = self.native.get_mut(&i) else {
                return;
            };
            let mut pre = vec![e];
            for &old in &stage.0.pre {
                push_elem(&mut pre, old);
            }
            stage.0.pre = pre;
            stage.1 = src;
            self.nodes[p] = None;
        }
    }

    /// Cut the graph at the native stages and load the pieces.
    fn build(self, proto: &ModelProto) -> Result<Net, String> {
        enum Raw {
            Graph(Vec<NodeProto>),
            Native(DwConv, String, String),
        }
        let mut raw: Vec<Raw> = Vec::new();
        let mut current: Vec<NodeProto> = Vec::new();
        let mut native = self.native;
        for (i, n) in self.nodes.into_iter().enumerate() {
            if let Some(stage) = native.remove(&i) {
                if !current.is_empty() {
                    raw.push(Raw::Graph(std::mem::take(&mut current)));
                }
                raw.push(Raw::Native(stage.0, stage.1, stage.2));
            } else if let Some(n) = n {
                current.push(n);
            }
        }
        if !current.is_empty() {
            raw.push(Raw::Graph(current));
        }
        if !raw.iter().any(|r| matches!(r, Raw::Native(..))) {
            return Err("no depthwise convolution".into());
        }
        // What each stage reads (besides constants) and writes.
        let io: Vec<(Vec<String>, Vec<String>)> = raw
            .iter()
            .map(|r| match r {
                Raw::Graph(nodes) => {
                    let written: HashSet<&String> = nodes.iter().flat_map(|n| &n.output).collect();
                    let mut read: Vec<String> = Vec::new();
                    for v in nodes.iter().flat_map(|n| &n.input) {
                        if !v.is_empty()
                            && !written.contains(v)
                            && !self.consts.contains_key(v)
                            && !read.contains(v)
                        {
                            read.push(v.clone());
                        }
                    }
                    (read, written.into_iter().cloned().collect())
                }
                Raw::Native(_, i, o) => (vec![i.clone()], vec![o.clone()]),
            })
            .collect();
        let mut slots: HashMap<String, usize> = HashMap::new();
        fn slot(name: &str, slots: &mut HashMap<String, usize>) -> usize {
            let n = slots.len();
            *slots.entry(name.to_string()).or_insert(n)
        }
        let input = slot(&self.graph_inputs[0], &mut slots);
        let output = slot(&self.graph_outputs[0], &mut slots);
        let mut available: HashSet<String> = HashSet::from([self.graph_inputs[0].clone()]);
        let mut last_use: HashMap<usize, usize> = HashMap::new();
        for (k, (read, written)) in io.iter().enumerate() {
            for v in read {
                if !available.contains(v) {
                    return Err(format!("value {v} read before it is written"));
                }
                let s = slot(v, &mut slots);
                last_use.insert(s, k);
            }
            available.extend(written.iter().cloned());
        }
        if !available.contains(&self.graph_outputs[0]) {
            return Err("the output is never written".into());
        }
        let needed_later = |k: usize, v: &String| {
            v == &self.graph_outputs[0] || io.iter().skip(k + 1).any(|(read, _)| read.contains(v))
        };
        let mut stages = Vec::new();
        for (k, r) in raw.into_iter().enumerate() {
            match r {
                Raw::Native(conv, i, o) => stages.push(Stage::Depthwise {
                    conv,
                    input: slots[&i],
                    output: slot(&o, &mut slots),
                }),
                Raw::Graph(nodes) => {
                    let (read, written) = &io[k];
                    let outs: Vec<&String> =
                        written.iter().filter(|v| needed_later(k, v)).collect();
                    if outs.is_empty() {
                        return Err("a piece of the graph writes nothing that is read".into());
                    }
                    let mut consts_used: Vec<String> = Vec::new();
                    for v in nodes.iter().flat_map(|n| &n.input) {
                        if self.consts.contains_key(v) && !consts_used.contains(v) {
                            consts_used.push(v.clone());
                        }
                    }
                    let mut graph_nodes: Vec<NodeProto> = consts_used
                        .iter()
                        .map(|c| NodeProto {
                            op_type: Some("Constant".into()),
                            output: vec![c.clone()],
                            attribute: vec![AttributeProto {
                                name: Some("value".into()),
                                t: self.consts.get(c).cloned(),
                                r#type: Some(AttributeType::TENSOR),
                                ..AttributeProto::default()
                            }],
                            ..NodeProto::default()
                        })
                        .collect();
                    graph_nodes.extend(nodes);
                    let info = |name: &String| ValueInfoProto {
                        name: Some(name.clone()),
                        r#type: None,
                    };
                    let piece = ModelProto {
                        ir_version: proto.ir_version,
                        opset_import: proto.opset_import.clone(),
                        graph: Some(GraphProto {
                            node: graph_nodes,
                            input: read.iter().map(info).collect(),
                            output: outs.iter().map(|v| info(v)).collect(),
                            ..GraphProto::default()
                        }),
                        ..ModelProto::default()
                    };
                    let bytes = piece.write_buf().map_err(|e| e.to_string())?;
                    let mut options = ModelOptions::with_all_ops();
                    options.prepack_weights(true);
                    let model = options.load(bytes).map_err(|e| e.to_string())?;
                    let id = |v: &String| model.node_id(v).map_err(|e| format!("{v}: {e}"));
                    let inputs = read
                        .iter()
                        .map(|v| Ok((id(v)?, slots[v])))
                        .collect::<Result<Vec<_>, String>>()?;
                    let outputs = outs.iter().map(|v| id(v)).collect::<Result<Vec<_>, _>>()?;
                    let out_slots = outs.iter().map(|v| slot(v, &mut slots)).collect();
                    stages.push(Stage::Graph {
                        model: Box::new(model),
                        inputs,
                        outputs,
                        out_slots,
                    });
                }
            }
        }
        let mut last = vec![usize::MAX; slots.len()];
        for (s, k) in last_use {
            last[s] = k;
        }
        Ok(Net {
            stages,
            input,
            output,
            last_use: last,
            metadata: HashMap::new(),
        })
    }
}
