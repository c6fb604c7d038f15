"""Pages of the conventions individuelles: list, entry in six steps, detail and actions, printed documents."""
