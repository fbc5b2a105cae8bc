def offices(request):
    """The current office for the layout (the office switcher loads its list lazily in its own view)."""
    return {"office": getattr(request, "office", None)}
