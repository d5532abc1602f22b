"""dbt-duckdb plugin: gives every DuckDB connection and cursor dbt uses the installation's pseudonymisation key,
for the pseudonym_key macro (macros/pseudonym_key.sql).

The key is read from the file named in CSP_PSEUDONYM_KEY_FILE (`csp run` and `npx dbt` set it) and handed to
DuckDB as the HMAC-SHA256 inner and outer key pads in two session variables. It never appears in SQL text, so it
is in no compiled model, dbt log, view definition or warehouse file.
"""
import os

from dbt.adapters.duckdb.plugins import BasePlugin

KEY_ENV = "CSP_PSEUDONYM_KEY_FILE"
BLOCK = 64  # SHA-256's block size (RFC 2104)


def read_pads():
    path = os.environ.get(KEY_ENV)
    if not path or not os.path.exists(path):
        return None  # the macro then stops the build with a message saying what to do
    with open(path, encoding="ascii") as f:
        text = f.read().strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise RuntimeError(f"pseudonymisation key {path} is not 64 hexadecimal digits: restore it from its backup")
    padded = key.ljust(BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in padded), bytes(b ^ 0x5C for b in padded)


class Plugin(BasePlugin):
    def initialize(self, plugin_config):
        self._pads = read_pads()

    def _give(self, conn):
        if self._pads is None:
            return
        inner, outer = self._pads
        conn.execute("SET VARIABLE csp_pseudonym_ipad = ?::BLOB", [inner])
        conn.execute("SET VARIABLE csp_pseudonym_opad = ?::BLOB", [outer])

    def configure_connection(self, conn):
        self._give(conn)

    def configure_cursor(self, cursor):
        # Session variables do not carry over to a cursor (a new DuckDB connection), so each gets them too.
        self._give(cursor)
