"""Co-creation pages: thin over the selectors and services, one module per part."""
