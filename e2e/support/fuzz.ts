/** Put in fuzzed form fields (e2e/bad-input.http.spec.ts); e2e/logs.scan.ts checks that no log line holds either. */
export const FUZZ_PROBE_EMAIL = "fuzz-probe@example.com";
export const FUZZ_PROBE_TOKEN = "FuzzProbeTokenFuzzProbeTokenFuzzProbeToken1";
