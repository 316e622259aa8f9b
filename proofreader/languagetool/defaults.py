"""`proofreader serve` defaults, apart from the server so that the command line can show
them in its help without importing http.server on every `proofreader check`."""

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081
DEFAULT_MAX_BODY = 1024 * 1024
