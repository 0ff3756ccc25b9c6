"""Run by every IPython kernel the tests start: conftest.py points PYTHONSTARTUP here.

nbval runs cells with ``store_history=False``. IPython decides whether a trailing ``;`` silences
a cell's result by looking the cell up in the input history, so without history it finds another
cell and shows ``[<matplotlib.lines.Line2D ...>]`` where the saved notebook shows nothing.

This registers an input transformer (IPython's public ``input_transformers_post``, applied to each
cell after IPython's own transformations) that ends such a cell with ``pass``. The cell's last
statement is then no expression, so nothing is displayed, as in Jupyter; the test applies the same
rule IPython does (the last token other than comments and newlines is ``;``). In a process that
is not an IPython kernel (a plain Python prompt) it does nothing.
"""


def _silence_trailing_semicolons():
    import io
    import tokenize

    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def ends_with_semicolon(source):
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        except (tokenize.TokenError, SyntaxError):
            return False  # not valid Python: leave it for IPython to report
        for token in reversed(tokens):
            if token.type not in (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
                return token.type == tokenize.OP and token.string == ";"
        return False

    def end_with_pass(lines):
        if not lines or not ends_with_semicolon("".join(lines)):
            return lines
        last = lines[-1] if lines[-1].endswith("\n") else lines[-1] + "\n"
        return [*lines[:-1], last, "pass\n"]

    shell.input_transformers_post.append(end_with_pass)


_silence_trailing_semicolons()
del _silence_trailing_semicolons
