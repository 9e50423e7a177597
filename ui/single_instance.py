"""One app per database file (issue #17): the lock file (msfood.core.instance_lock) says who has it open, and
a local socket named from the database's path lets a second app ask the running one to come to the
front before it says so and stops.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from msfood.core.clock import Clock
from msfood.core.instance_lock import InstanceLock, acquire_instance_lock, instance_key, release_instance_lock

RAISE = b"raise\n"
WAIT_MS = 1000


class DatabaseClaim(QObject):
    """This app's hold on a database file: the lock, and the socket that hears a second app."""

    raise_requested = Signal()

    def __init__(self, database: Path, lock: InstanceLock) -> None:
        super().__init__()
        self.database, self.lock, self.key = database, lock, instance_key(database)
        self.server = QLocalServer(self)
        QLocalServer.removeServer(self.key)  # a socket file a crashed app left (we hold the lock now)
        self.server.listen(self.key)
        self.server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._on_connection_ready_read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _on_connection_ready_read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()

    def same_file(self, database: Path) -> bool:
        return instance_key(database) == self.key

    def release(self) -> None:
        self.server.close()
        release_instance_lock(self.lock)


def claim_database(database: Path, clock: Clock) -> DatabaseClaim:
    """Take the database for this app; raises InstanceRunning (with who has it) when another app does."""
    return DatabaseClaim(database, acquire_instance_lock(database, now=clock.now()))


def ask_running_app_to_raise(database: Path) -> bool:
    """Ask the app that has `database` open to bring its window to the front; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(instance_key(database))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(RAISE)
    socket.flush()
    sent = socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return sent
