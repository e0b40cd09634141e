// Imported first by the Node entries. Node 20's V8 (11.3) inlines JS→Wasm calls into optimized
// code, and aborts the process ("unreachable code" in Deoptimizer::DoComputeBuiltinContinuation)
// when such code is deoptimized lazily while the Wasm call runs: a loop of parseResult calls
// whose views read this module's values did so in about half the runs (bench/wasm.mjs). Without
// that one inlining the same loop never aborts; it only costs the JS→Wasm call its inlining.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-turbo-inline-js-wasm-calls');
