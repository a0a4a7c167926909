"""The environment variables the API server reads, apart from the app so that the command line
can name them without importing FastAPI (0.3 s of every command's start)."""

TOKEN_ENV = "CONFLICTWATCH_API_TOKEN"
PROTECT_READS_ENV = "CONFLICTWATCH_PROTECT_READS"
CONFIG_ENV = "CONFLICTWATCH_SERVE_CONFIG"  # JSON of ApiConfig, for `serve --workers N` processes
