"""Command line helper: argparse's errors as one line that names the fix, for people who do not read usage text.

``QuietParser.error`` raises ``UsageError`` with argparse's message instead of
printing the usage block; ``explain`` turns that message, and the words that
were typed, into ``error: … — fix``.
"""

from __future__ import annotations

import argparse
import re
from typing import NoReturn, Sequence

from .slugs import suggest_file_slug
from .suggest import did_you_mean

PROGRAM = "python build.py"
# A value to show after each option that takes one, when it is given without one.
_EXAMPLES = {"--content": "content", "--output": "_site", "--base-url": "https://org.github.io/catalog/", "--jobs": "2",
             "--format": "github", "--host": "127.0.0.1", "--port": "8000"}
_NEW_EXAMPLE = f"{PROGRAM} new elective nanjing-surgery"


class UsageError(Exception):
    """A command line argparse could not read: its message, and the parser that refused it."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class QuietParser(argparse.ArgumentParser):
    """An argument parser that raises ``UsageError`` rather than printing its usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(self, message)


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [name for action in parser._actions for name in action.option_strings if name.startswith("--") and name != "--help"]


def _choices(parser: argparse.ArgumentParser, name: str) -> list[str]:
    """The allowed values of the argument argparse calls ``name`` ('--format', 'kind', 'COMMAND')."""
    for action in parser._actions:
        if name in action.option_strings or name in (action.dest, action.metavar):
            return [str(choice) for choice in action.choices or ()]
    return []


def _is_known(word: str, options: list[str]) -> bool:
    """Whether argparse takes ``word`` as one of ``options`` (it accepts an unambiguous start of one)."""
    name = word.split("=", 1)[0]
    return any(option.startswith(name) for option in options) if name.startswith("--") and len(name) > 2 else False


def _unknown_option(command: str, parser: argparse.ArgumentParser, words: Sequence[str]) -> str | None:
    """The line for the first word that looks like an option and is none of the command's, if any."""
    options = _options(parser)
    for word in words:
        if word.startswith("-") and len(word) > 1 and not word.lstrip("-").isdigit() and word not in ("-h", "--help") and not _is_known(word, options):
            name = word.split("=", 1)[0]
            return f"{command} has no option '{name}'{did_you_mean(name, options)} — its options are {', '.join(options)}"
    return None


def command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser | None:
    """The parser of ``command`` ('build'), if it is one of ``parser``'s commands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(command)
    return None


def explain(error: UsageError, command: str, command_parser: argparse.ArgumentParser | None, words: Sequence[str]) -> str:
    """One line, ``error: what is wrong — the fix``, for ``error`` raised while reading ``words`` (the arguments after the command)."""
    message = error.message
    if command_parser is not None:
        unknown = _unknown_option(command, command_parser, words)
        if unknown is not None:  # (argparse may first complain of what the unknown option hid, e.g. a missing slug)
            return f"error: {unknown}"
    argument = re.match(r"argument (\S+?): (.*)$", message, re.DOTALL)
    if argument is not None:
        return "error: " + _explain_argument(error.parser, command, argument.group(1), argument.group(2))
    if message.startswith("the following arguments are required") and command == "new":
        return f"error: new needs the kind of entry and its slug (the file name without .md) — e.g. {_NEW_EXAMPLE}"
    extra = re.match(r"unrecognized arguments: (.*)$", message)
    if extra is not None:
        first = extra.group(1).split(" ", 1)[0]
        if command == "new":
            return f"error: '{first}' is one word too many — new takes the kind and one slug, with hyphens for spaces: {_new_with_one_slug(words)}"
        return f"error: '{first}' is not an option of {command} — its options are {', '.join(_options(command_parser or error.parser))}"
    return f"error: {message} — see {PROGRAM} {command} --help"


def _new_with_one_slug(words: Sequence[str]) -> str:
    """``new elective my elective`` as it should have been written: ``new elective my-elective``."""
    positional = [word for word in words if not word.startswith("-")]
    options = [word for word in words if word.startswith("-")]
    if "--content" in options:  # (its value was counted as a word)
        return _NEW_EXAMPLE
    return " ".join([PROGRAM, "new", positional[0], suggest_file_slug(" ".join(positional[1:]))])


def _explain_argument(parser: argparse.ArgumentParser, command: str, name: str, problem: str) -> str:
    """The line for argparse's "argument NAME: PROBLEM"."""
    choice = re.match(r"invalid choice: '?(.*?)'? \(choose from", problem)
    if choice is not None:
        value, choices = choice.group(1), _choices(parser, name)
        hint = did_you_mean(value, choices)
        if name == "COMMAND":
            return f"'{value}' is not a command{hint} — the commands are {', '.join(choices)}, e.g. {PROGRAM} check"
        if name == "kind":
            return f"'{value}' is not a kind of entry{hint} — write one of {', '.join(choices)}, e.g. {_NEW_EXAMPLE}"
        return f"{name}: '{value}' is not one of: {', '.join(choices)}{hint}"
    example = _EXAMPLES.get(name, "")
    if problem.startswith("expected one argument"):
        return f"{name} needs a value after it — e.g. {name} {example}"
    number = re.match(r"invalid int value: '?(.*?)'?$", problem)
    if number is not None:
        return f"{name}: '{number.group(1)}' is not a whole number — e.g. {name} {example}"
    return f"{name}: {problem}" + (f" — e.g. {name} {example}" if example and " — " not in problem else "")
