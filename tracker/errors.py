"""The one exception for anything the user can fix."""


class UserError(Exception):
    """A problem the user can fix (unreadable file, unknown id, not a store).

    Its message is one line that names the file or item and the reason; the CLI
    prints it and exits 1, the GUI shows it in a warning box. Anything else is a bug.
    """
