import io
import zipfile
from pathlib import Path


def generate(root: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("XXXX.csv", "姓名,身份证号\n李*兰,350102199003071234\n".encode("gbk"))
        zf.writestr("王五13812345678/说明.txt", "见名单")
    # Windows writes member names in GBK without the UTF-8 flag
    data = out.getvalue().replace(b"XXXX.csv", "名单.csv".encode("gbk"))
    (root / "content/notices/hexi/材料.zip").write_bytes(data)
