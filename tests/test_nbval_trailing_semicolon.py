"""tests/ipython_startup.py: under nbval (cells run without history) a trailing `;` still
silences a cell's result, as in Jupyter. The kernel is started and fed the way nbval does it."""
from nbval.kernel import RunningKernel


def results_of(kernel, code):
    msg_id = kernel.execute_cell_input(code)
    kernel.await_reply(msg_id, timeout=60)
    found = []
    while True:
        msg = kernel.get_message(stream="iopub", timeout=10)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            found.append(msg["content"]["data"]["text/plain"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return found


def test_trailing_semicolon_suppresses_the_result():
    kernel = RunningKernel("python3")
    try:
        assert results_of(kernel, "6 * 7") == ["42"]
        assert results_of(kernel, "6 * 7;") == []
        assert results_of(kernel, "6 * 7;  # a comment after the semicolon") == []
        assert results_of(kernel, "x = [6]\nx * 7;\n# a comment line at the end\n") == []
        assert results_of(kernel, "x.append(7);\nx") == ["[6, 7]"]  # only a trailing `;` silences
        assert results_of(kernel, "'a;'") == ["'a;'"]  # a `;` inside a string does not
        assert results_of(kernel, "for i in range(2):\n    i;") == []
    finally:
        kernel.stop()
