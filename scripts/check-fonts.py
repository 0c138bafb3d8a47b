#!/usr/bin/python3
"""Check the embedded fonts of PDFs with independent tools (pikepdf, fontTools).

For every Type0 font of every file: the subset opens in fontTools with every
table decompiled; its name carries a subset tag (ABCDEF+Name); its CIDSet
lists exactly the glyphs of the program (PDF/A); every glyph a page draws has
a ToUnicode mapping, and that character maps back, through the subset's own
cmap, to the same glyph (the round trip). Across the file, each font name is
embedded exactly once.

Usage: /usr/bin/python3 scripts/check-fonts.py FILE.pdf...
Needs the Debian packages python3-fonttools and python3-pikepdf.
Exit status 0 when every file passes, 1 otherwise; one line per problem.
"""

import io
import re
import sys

import pikepdf
from fontTools.ttLib import TTFont

TAG = re.compile(r"^[A-Z]{6}\+.+")


def parse_tounicode(data):
    """code -> text of a ToUnicode CMap with two-byte codes."""
    out = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = bytes.fromhex(dst)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                d = base[:-2] + (int.from_bytes(base[-2:], "big") + k).to_bytes(2, "big")
                out[code] = d.decode("utf-16-be", "replace")
    return out


def used_codes(pdf):
    """font object id -> set of two-byte codes drawn with it, on every page."""
    used = {}
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", {})
        current = None
        for operands, op in pikepdf.parse_content_stream(page, "Tf Tj TJ ' \""):
            name = str(op)
            if name == "Tf":
                f = fonts.get(str(operands[0]))
                current = f.objgen if f is not None else None
            elif name in ("Tj", "'", '"', "TJ") and current is not None:
                strings = []
                for o in operands:
                    if isinstance(o, pikepdf.Array):
                        strings += [bytes(x) for x in o if isinstance(x, pikepdf.String)]
                    elif isinstance(o, pikepdf.String):
                        strings.append(bytes(o))
                codes = used.setdefault(current, set())
                for s in strings:
                    codes.update(int.from_bytes(s[i:i + 2], "big") for i in range(0, len(s) - 1, 2))
    return used


def check(path):
    problems = []
    pdf = pikepdf.open(path)
    used = used_codes(pdf)
    names = {}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Subtype") != "/Type0":
            continue
        base = str(obj.BaseFont)[1:]
        where = f"{path}: font {base} (object {obj.objgen[0]})"
        names[base] = names.get(base, 0) + 1
        if not TAG.match(base):
            problems.append(f"{where}: no subset tag")
        cid = obj.DescendantFonts[0]
        desc = cid.FontDescriptor
        if str(cid.BaseFont)[1:] != base or str(desc.FontName)[1:] != base:
            problems.append(f"{where}: BaseFont and FontName differ")
        try:
            font = TTFont(io.BytesIO(desc.FontFile2.read_bytes()))
            for tag in font.keys():
                font[tag]  # decompile every table
            cmap = font.getBestCmap()
            order = font.getGlyphOrder()
        except Exception as e:  # noqa: BLE001 - any failure is the finding
            problems.append(f"{where}: fontTools cannot open the subset: {e!r}")
            continue
        if cmap is None:
            problems.append(f"{where}: the subset has no Unicode cmap")
            continue
        m = cid.CIDToGIDMap.read_bytes()
        if "/CIDSet" not in desc:
            problems.append(f"{where}: no CIDSet (PDF/A-1 asks it of a subset)")
        else:
            cidset = desc.CIDSet.read_bytes()
            listed = [8 * i + k for i, c in enumerate(cidset) for k in range(8) if c & (0x80 >> k)]
            for c in listed:
                if c > 0 and int.from_bytes(m[2 * c:2 * c + 2], "big") == 0:
                    problems.append(f"{where}: the CIDSet lists CID {c}, which has no glyph")
            if len(listed) < font["maxp"].numGlyphs:
                problems.append(f"{where}: the CIDSet lists {len(listed)} CIDs for {font['maxp'].numGlyphs} glyphs")
        tounicode = parse_tounicode(obj.ToUnicode.read_bytes())
        codes = used.get(obj.objgen, set())
        for code in sorted(codes):
            gid = int.from_bytes(m[2 * code:2 * code + 2], "big")
            text = tounicode.get(code)
            if gid == 0:
                problems.append(f"{where}: code {code:04X} is drawn but has no glyph")
            elif text is None:
                problems.append(f"{where}: glyph {gid} (code {code:04X}) has no ToUnicode mapping")
            elif len(text) != 1 or cmap.get(ord(text)) != order[gid]:
                problems.append(f"{where}: code {code:04X} -> {text!r} does not map back to glyph {gid}")
        for code, text in tounicode.items():
            gid = int.from_bytes(m[2 * code:2 * code + 2], "big")
            if gid == 0 or len(text) != 1 or cmap.get(ord(text)) != order[gid]:
                problems.append(f"{where}: ToUnicode {code:04X} -> {text!r} is not the subset's glyph {gid}")
        if not codes:
            problems.append(f"{where}: embedded but never used")
    for base, n in names.items():
        if n > 1:
            problems.append(f"{path}: font {base} embedded {n} times")
    untagged = {re.sub(r"^[A-Z]{6}\+", "", b) for b in names}
    if len(untagged) != len(names):
        problems.append(f"{path}: the same face embedded as different subsets: {sorted(names)}")
    return problems, len(names), sum(len(c) for c in used.values())


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bad = False
    for path in paths:
        try:
            problems, fonts, glyphs = check(path)
        except Exception as e:  # noqa: BLE001 - an unreadable file is a finding
            problems, fonts, glyphs = [f"{path}: cannot be checked: {e!r}"], 0, 0
        for p in problems:
            print(p)
        bad = bad or bool(problems)
        if not problems:
            print(f"{path}: {fonts} fonts, {glyphs} used glyphs, every one round-trips")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
