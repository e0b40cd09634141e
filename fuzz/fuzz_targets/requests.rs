#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| gestpay_fuzz::requests(data));
