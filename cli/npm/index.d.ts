/**
 * The absolute path of the `gestpay` executable for this machine, from the platform package
 * (`gestpay-cli-linux-x64-gnu`, …) npm installed beside `gestpay-cli`.
 *
 * @throws Error with `code` `unsupported_platform` (no binary is built for this platform) or
 * `platform_package_missing` (optional dependencies were not installed).
 */
export function binaryPath(): string;

/** This process's platform key: `linux-x64-gnu`, `linux-x64-musl`, `darwin-arm64`, `win32-x64-msvc`, … */
export function platformKey(): string;
