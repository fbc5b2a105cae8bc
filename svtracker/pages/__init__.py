"""The staff pages that combine several parts of the domain: "Vandaag", the questions table, a question
with its promises, figures and follow-ups, a series, and the upload and register forms. The top layer:
everything below it is reached through that app's selectors and services (docs/architecture.md)."""
