#!/usr/bin/env python3
"""Rebuild the web map's vendored files (src/dateline/web/static/vendor/) from npm packages.

    python3 tools/vendor_web.py            # fetch with `npm pack`, copy, check the checksums
    python3 tools/vendor_web.py --from DIR # use .tgz files already in DIR (offline)

Every file copied is listed in ``static/vendor/NOTICE.txt`` with its package, version,
licence and sha256 (the script rewrites that NOTICE; `git diff` then shows any change in
content, which a published npm version never should have). Nothing is derived at build
time: the country outlines ship as world-atlas' TopoJSON and the page converts them
with topojson-client.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "dateline" / "web" / "static" / "vendor"

#: package, version, licence, {file in the package: file under vendor/}
PACKAGES: list[tuple[str, str, str, dict[str, str]]] = [
    ("leaflet", "1.9.4", "BSD-2-Clause", {
        "package/dist/leaflet.js": "leaflet/leaflet.js",
        "package/dist/leaflet.css": "leaflet/leaflet.css",
        "package/LICENSE": "leaflet/LICENSE.txt",
    }),
    ("leaflet.markercluster", "1.5.3", "MIT", {
        "package/dist/leaflet.markercluster.js": "leaflet.markercluster/leaflet.markercluster.js",
        "package/dist/MarkerCluster.css": "leaflet.markercluster/MarkerCluster.css",
        "package/dist/MarkerCluster.Default.css": "leaflet.markercluster/MarkerCluster.Default.css",
        "package/MIT-LICENCE.txt": "leaflet.markercluster/LICENSE.txt",
    }),
    ("topojson-client", "3.1.0", "ISC", {
        "package/dist/topojson-client.min.js": "topojson-client/topojson-client.min.js",
        "package/LICENSE": "topojson-client/LICENSE.txt",
    }),
    ("world-atlas", "2.0.2", "ISC (data: Natural Earth, public domain)", {
        "package/countries-50m.json": "world-atlas/countries-50m.json",
        "package/LICENSE": "world-atlas/LICENSE.txt",
    }),
]  # fmt: skip


def _tarball(name: str, version: str, folder: Path, source: Path | None) -> Path:
    tgz = f"{name}-{version}.tgz"
    if source is not None:
        return source / tgz
    subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=folder, check=True, capture_output=True)
    return folder / tgz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, help="a folder holding the .tgz files")
    args = parser.parse_args(argv)
    lines = [
        "Third-party files vendored for the dateline web map (src/dateline/web/static/vendor/).",
        "Rebuilt by tools/vendor_web.py from the npm packages below (`npm pack NAME@VERSION`).",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name, version, licence, files in PACKAGES:
            tgz = _tarball(name, version, Path(tmp), args.source)
            lines.append(f"{name} {version} — licence {licence} — npm package {name}@{version}")
            with tarfile.open(tgz) as tar:
                for member, target in files.items():
                    data = tar.extractfile(member).read()  # type: ignore[union-attr]
                    out = VENDOR / target
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(data)
                    lines.append(f"  {target}  sha256 {hashlib.sha256(data).hexdigest()}  (from {member})")
            lines.append("")
    (VENDOR / "NOTICE.txt").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {VENDOR.relative_to(ROOT)}/NOTICE.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
