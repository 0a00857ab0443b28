"""The one exception type sibamm raises for bad user input."""


class SibammError(ValueError):
    """A user error: unknown name, unphysical value or malformed input.

    The message is one line that says what is wrong and what is allowed.
    """


def require(condition: bool, message: str) -> None:
    """Raise :class:`SibammError` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise SibammError(message)
