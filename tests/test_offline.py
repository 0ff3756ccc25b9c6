"""Notebooks cannot reach the network while the tests run."""
import subprocess
import sys

from jupyter_client.manager import start_new_kernel

PROBE = ("import socket\n"
         "try:\n"
         "    socket.create_connection(('203.0.113.7', 80), timeout=5)\n"
         "    print('CONNECTED')\n"
         "except OSError as err:\n"
         "    print('BLOCKED' if 'network access is blocked' in str(err) else f'OTHER {err!r}')\n")


def test_a_subprocess_cannot_connect_out():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "BLOCKED", out.stdout + out.stderr


def test_a_notebook_kernel_cannot_connect_out_or_resolve_names():
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        outputs = []
        for code in (PROBE, "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.com', timeout=5)\n"
                            "except Exception as err:\n    print('BLOCKED' if 'network access is blocked' in str(err) else repr(err))\n"):
            client.execute_interactive(code, timeout=60,
                                       output_hook=lambda msg: outputs.append(msg["content"].get("text", "")))
        assert "".join(outputs).split() == ["BLOCKED", "BLOCKED"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_loopback_stays_open():
    code = ("import socket\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)\n"
            "c = socket.create_connection(s.getsockname(), timeout=5); print('OK')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "OK", out.stderr
