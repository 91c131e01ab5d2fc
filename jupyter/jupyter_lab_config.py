# JupyterLab as `make lab` starts it (the project's own settings; nothing in ~/.jupyter).
# See docs/notebooks-in-the-browser.md.
import os
import sys

c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)

HERE = os.path.dirname(os.path.abspath(__file__))

# Notebooks are written to disk without outputs, with the metadata they were committed with:
# exploring never dirties the repository, and a reopened notebook shows no stale widget.
c.FileContentsManager.pre_save_hook = "analysis.clean_notebook.pre_save_hook"
# Defaults of JupyterLab settings (the news pop-up off): lab-settings/overrides.json.
c.LabApp.app_settings_dir = os.path.join(HERE, "lab-settings")
# The kernel is the Python that runs JupyterLab (.venv): its kernel spec is found first,
# before any python3 kernel of the user's own, and it is the only one offered.
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in (os.path.join(sys.prefix, "share", "jupyter"), os.environ.get("JUPYTER_PATH")) if p)
c.KernelSpecManager.allowed_kernelspecs = {"python3"}
# Kernels talk to the server over local IPC sockets: no unencrypted TCP warning.
c.KernelManager.transport = "ipc"
# This machine only.
c.ServerApp.ip = "127.0.0.1"
# Containers and CI run as root; JupyterLab refuses to start as root without this.
c.ServerApp.allow_root = True
