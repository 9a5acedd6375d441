"""Build the MoU Drafter bundle with PyInstaller, in one command:

    python packaging/build.py [--skip-archive] [--dist DIR]

1. compiles the interface catalogues (.po -> .mo);
2. writes the Windows version information and ``build/version.iss`` (the installer's version and
   paths) from the package, so they cannot drift from it;
3. runs PyInstaller on ``packaging/mou_drafter.spec`` (onedir);
4. measures the bundle (and, on Linux, its ``.tar.xz``) and fails if the size budget is exceeded.

The bundle folder is printed on the last line.
"""

from __future__ import annotations

import argparse
import lzma
import os
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"
WINDOWS = sys.platform == "win32"
#: Size budget of the bundle (MB), unpacked: Windows (the installer compresses it, see
#: packaging/README.md) and Linux; and of the Linux bundle as .tar.xz.
BUDGET_MB = 90 if WINDOWS else 160
BUDGET_XZ_MB = 50


def package_version() -> str:
    namespace: dict[str, str] = {}
    for line in (ROOT / "mou_drafter" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            exec(line, namespace)  # noqa: S102 - our own one-line assignment
    return namespace["__version__"]


def write_version_files(version: str, bundle: Path) -> None:
    BUILD.mkdir(parents=True, exist_ok=True)
    numbers = tuple(int(p) for p in (version.split(".") + ["0", "0", "0"])[:4])
    (BUILD / "version_info.txt").write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'MoU Drafter developers'),
      StringStruct('FileDescription', 'MoU Drafter'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'mou-drafter'),
      StringStruct('OriginalFilename', 'MoU Drafter.exe'),
      StringStruct('ProductName', 'MoU Drafter'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])]
)
""",
        encoding="utf-8",
    )
    # Paths relative to packaging/ (where installer.iss is), so the same file works on Windows and
    # under Wine, whatever the drive letter of the checkout.
    bundle_dir = os.path.relpath(bundle, HERE).replace("/", "\\")
    (BUILD / "version.iss").write_text(
        f'#define AppVersion "{version}"\n#define BundleDir "{bundle_dir}"\n#define IconFile "icon.ico"\n',
        encoding="utf-8",
    )


def compile_catalogues() -> None:
    subprocess.run(
        [sys.executable, "-m", "mou_drafter.gui.i18n", "compile"],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def archive_size(folder: Path) -> int:
    target = BUILD / "mou-drafter.tar.xz"
    with lzma.open(target, "wb", preset=6) as raw, tarfile.open(fileobj=raw, mode="w") as tar:
        tar.add(folder, arcname=folder.name)
    return target.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-archive", action="store_true", help="do not measure the .tar.xz size (Linux)")
    parser.add_argument("--dist", type=Path, default=DIST, help=f"folder for the bundle (default {DIST})")
    args = parser.parse_args()
    dist = args.dist.resolve()
    bundle = dist / "mou-drafter"
    version = package_version()
    compile_catalogues()
    write_version_files(version, bundle)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(HERE / "mou_drafter.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(BUILD / f"pyinstaller-{sys.platform}"),
        ],
        check=True,
        cwd=ROOT,
    )
    size_mb = folder_size(bundle) / 1e6
    print(f"bundle: {size_mb:.1f} MB (budget {BUDGET_MB} MB)")
    over = size_mb > BUDGET_MB
    if not args.skip_archive and not WINDOWS:
        xz_mb = archive_size(bundle) / 1e6
        print(f"bundle .tar.xz: {xz_mb:.1f} MB (budget {BUDGET_XZ_MB} MB)")
        over = over or xz_mb > BUDGET_XZ_MB
    if over:
        biggest = sorted(((p.stat().st_size, p) for p in bundle.rglob("*") if p.is_file()), reverse=True)[:8]
        for size, path in biggest:
            print(f"  {size / 1e6:6.1f} MB  {path.relative_to(bundle)}", file=sys.stderr)
        print("size budget exceeded", file=sys.stderr)
        return 1
    print(bundle)
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
