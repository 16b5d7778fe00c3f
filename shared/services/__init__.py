"""Service functions: the only code that writes. Pages, the API, socket handlers and the
CLI all call these, passing the acting person explicitly. Each opens its own transaction,
commits, then publishes the events it recorded."""
