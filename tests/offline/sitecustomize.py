"""Loaded by every Python process the tests start (conftest puts this folder on PYTHONPATH).

It blocks connections to anything but this machine, so a notebook that tries to download data
fails loudly under test instead of depending on the network. Loopback stays open: Jupyter
kernels talk to the test runner over it.
"""
import ipaddress
import socket

MESSAGE = ("network access is blocked while the course's tests run: notebooks must not download "
           "anything (tried to reach {!r})")
_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo


def _is_local(host) -> bool:
    if host in ("localhost", "", None) or isinstance(host, bytes) and host == b"localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guard(address):
    if isinstance(address, tuple) and not _is_local(address[0]):
        raise ConnectionRefusedError(MESSAGE.format(address[0]))


def connect(self, address):
    _guard(address)
    return _connect(self, address)


def connect_ex(self, address):
    _guard(address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        raise socket.gaierror(MESSAGE.format(host))
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
