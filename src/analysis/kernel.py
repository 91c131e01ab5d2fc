"""The kernel manager of the report: a notebook run that succeeds prints nothing.

Two messages used to follow every successful ``make report``: ipykernel's warning that the
kernel "is running over TCP without encryption" (one per notebook) and, now and then,
"KeyboardInterrupt caught in kernel" because jupyter_client interrupts a kernel before
shutting it down. :class:`QuietKernelManager` talks to the kernel over local IPC sockets
(files only this user can reach, so there is nothing to encrypt) and shuts a finished
kernel down without the interrupt. Errors in a cell are reported as before.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import default


class QuietKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` over IPC that does not interrupt a kernel it shuts down."""

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # IPC sockets are files named <ip>-<port>; keep them in Jupyter's runtime folder
        # (removed at shutdown), not in the notebook's working directory.
        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        return os.path.join(runtime, f"analysis-{uuid.uuid4().hex[:12]}-ipc")

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:  # every cell has finished: nothing to interrupt
            return
        await super()._async_interrupt_kernel()
