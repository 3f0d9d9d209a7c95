"""Recording which methods of a real object are called, in order, while they still run."""


def record_calls(monkeypatch, target, names: tuple[str, ...]) -> list[str]:
    """Wrap ``target``'s methods ``names`` (undone by ``monkeypatch``) so each call appends its
    name to the returned list and then runs the real method."""
    calls: list[str] = []
    for name in names:
        real = getattr(target, name)

        def recorded(*args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(target, name, recorded)
    return calls
