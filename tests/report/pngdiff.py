#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""pngdiff.py A.png B.png — are two renderings of a page the same picture?

Decodes 8-bit greyscale, grey+alpha, RGB and RGBA PNGs (what pdftoppm
writes) with zlib alone, so the test needs no imaging library.  Both images
are blurred with a 3x3 box before comparing, which absorbs the one-pixel
antialiasing differences between versions of cairo, pango or poppler; what
is left — text moved to another line, a missing table, a page break in a
different place — still differs widely.  The pages match when the mean
difference is under 1.5 levels (of 255) and under 0.3% of pixels differ by
more than 48 levels.
"""
import struct
import sys
import zlib

MEAN_MAX = 1.5
BAD_LEVEL = 48
BAD_SHARE = 0.003


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s is not a PNG" % path)
    pos, idat = 8, b""
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 4: 2, 2: 3, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError("%s: only 8-bit, non-interlaced PNGs are read" % path)
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
        prev = line
    # To grey: the first channel of grey, the mean of RGB.
    grey = []
    for line in rows:
        if channels <= 2:
            grey.append([line[x * channels] for x in range(width)])
        else:
            grey.append([(line[x * channels] + line[x * channels + 1] + line[x * channels + 2])
                         // 3 for x in range(width)])
    return width, height, grey


def blur(w, h, img):
    out = []
    for y in range(h):
        ys = range(max(0, y - 1), min(h, y + 2))
        row = []
        for x in range(w):
            xs = range(max(0, x - 1), min(w, x + 2))
            s = sum(img[yy][xx] for yy in ys for xx in xs)
            row.append(s / (len(ys) * len(xs)))
        out.append(row)
    return out


def compare(a_path, b_path):
    """(same, explanation) for two PNG files."""
    wa, ha, a = read_png(a_path)
    wb, hb, b = read_png(b_path)
    if (wa, ha) != (wb, hb):
        return False, "sizes differ: %dx%d and %dx%d" % (wa, ha, wb, hb)
    a, b = blur(wa, ha, a), blur(wb, hb, b)
    total = bad = 0.0
    for ra, rb in zip(a, b):
        for x, y in zip(ra, rb):
            d = abs(x - y)
            total += d
            if d > BAD_LEVEL:
                bad += 1
    n = wa * ha
    mean, share = total / n, bad / n
    why = "mean difference %.2f, %.3f%% of pixels differ" % (mean, 100 * share)
    return mean <= MEAN_MAX and share <= BAD_SHARE, why


if __name__ == "__main__":
    same, why = compare(sys.argv[1], sys.argv[2])
    print(why)
    sys.exit(0 if same else 1)
