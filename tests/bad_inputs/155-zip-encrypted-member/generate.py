import io
import struct
import zipfile
from pathlib import Path


def generate(root: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("secret.csv", "x")
    data = bytearray(out.getvalue())
    # set the "encrypted" flag in the local and the central header (Python cannot encrypt)
    data[6:8] = struct.pack("<H", struct.unpack("<H", data[6:8])[0] | 1)
    central = data.rfind(b"PK\x01\x02")
    data[central + 8 : central + 10] = struct.pack("<H", struct.unpack(
        "<H", data[central + 8 : central + 10])[0] | 1)
    (root / "content/notices/hexi/材料.zip").write_bytes(bytes(data))
