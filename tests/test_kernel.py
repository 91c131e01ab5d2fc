"""A report run that succeeds reads as one (issue 18): no unencrypted-TCP warning, no
KeyboardInterrupt from shutting the kernel down."""
from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import nbformat

from analysis.kernel import QuietKernelManager


def test_a_notebook_run_prints_nothing_on_success(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("data_dir = None\nout_dir = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.IntSlider(3)"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    folder = tmp_path / "nb"
    folder.mkdir()
    nbformat.write(nb, folder / "01_tiny.ipynb")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from analysis.report import execute_notebook
        for _ in range(3):
            execute_notebook(Path({str(folder / "01_tiny.ipynb")!r}), Path({str(tmp_path / "out")!r}),
                             {{"data_dir": "x"}}, progress=False)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "without encryption" not in run.stderr
    assert "KeyboardInterrupt" not in run.stderr + run.stdout
    assert (tmp_path / "out" / "notebooks" / "01_tiny.html").exists()
    assert not list(folder.glob("*ipc*")) and not list(tmp_path.glob("*ipc*")), "IPC files left behind"


def test_shutting_a_finished_kernel_down_sends_no_interrupt():
    async def run() -> list[int]:
        km = QuietKernelManager(kernel_name="python3")
        await km.start_kernel()
        sent = []
        original = km.provisioner.send_signal

        async def record(signum: int) -> None:
            sent.append(signum)
            await original(signum)

        km.provisioner.send_signal = record
        try:
            assert km.transport == "ipc"
            await km.interrupt_kernel()  # while it runs, an interrupt still reaches the kernel
            assert sent == [signal.SIGINT]
        finally:
            await km.shutdown_kernel()
        return sent

    with ThreadPoolExecutor(1) as pool:  # its own event loop, whatever runs in this thread
        sent = pool.submit(asyncio.run, run()).result()
    assert sent == [signal.SIGINT], "no second interrupt at shutdown"
