"""Reads every TRX file under a folder and prints 'N passed, N failed[, N skipped]'.

Exits 1 when any test failed, when a test project produced no results, or when no test ran at all.
"""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    passed = failed = skipped = 0
    files = sorted(glob.glob(f"{folder}/**/*.trx", recursive=True))
    for path in files:
        root = ET.parse(path).getroot()
        for result in root.iterfind(".//t:UnitTestResult", NS):
            outcome = result.get("outcome")
            if outcome == "Passed":
                passed += 1
            elif outcome == "NotExecuted":
                skipped += 1
            else:
                failed += 1
                name = result.get("testName")
                print(f"FAILED: {name} ({outcome})", file=sys.stderr)
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or not files or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
