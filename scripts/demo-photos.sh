#!/usr/bin/env bash
# Draws the demo's illustrative story photos (assets/demo/story-*.jpg) with
# ImageMagick: simple flat scenes, no real people or places. The results are
# committed; rerun only to change them. Each stays well under 60 KB.
set -euo pipefail
cd "$(dirname "$0")/../assets/demo"
W=800
H=520
# jpeg DRAWING-ARGS... OUTPUT: draws, then writes a small baseline JPEG.
jpeg() {
  local out="${*: -1}"
  convert "${@:1:$#-1}" -strip -interlace none -sampling-factor 4:2:0 -quality 78 "$out"
}

# Vineyard rows on a hillside at harvest time.
jpeg -size ${W}x${H} gradient:'#f6d9a8'-'#f0b27a' \
  -fill '#7a9a4a' -draw "polygon 0,260 800,180 800,520 0,520" \
  -fill '#5f7f38' -draw "polygon 0,330 800,250 800,520 0,520" \
  -stroke '#3f5a22' -strokewidth 9 \
  -draw "line 40,520 260,300" -draw "line 170,520 360,290" -draw "line 300,520 460,280" \
  -draw "line 430,520 560,270" -draw "line 560,520 660,262" -draw "line 690,520 760,255" \
  -stroke none -fill '#6b2d5c' \
  -draw "circle 150,420 160,420" -draw "circle 270,400 280,400" -draw "circle 390,380 399,380" \
  -draw "circle 510,372 518,372" -draw "circle 620,360 627,360" \
  -fill '#fff4d6' -draw "circle 660,90 700,90" \
  story-vendanges.jpg

# Loaves of bread in crates, seen from above.
jpeg -size ${W}x${H} xc:'#e9dcc6' \
  -fill '#a9774a' -draw "roundrectangle 60,70 380,450 18,18" -draw "roundrectangle 420,70 740,450 18,18" \
  -fill '#c99a62' -draw "roundrectangle 80,90 360,430 12,12" -draw "roundrectangle 440,90 720,430 12,12" \
  -fill '#b5682b' \
  -draw "ellipse 150,160 55,32 0,360" -draw "ellipse 290,160 55,32 0,360" \
  -draw "ellipse 150,260 55,32 0,360" -draw "ellipse 290,260 55,32 0,360" \
  -draw "ellipse 150,360 55,32 0,360" -draw "ellipse 290,360 55,32 0,360" \
  -fill '#d08a3e' \
  -draw "ellipse 580,150 110,30 0,360" -draw "ellipse 580,230 110,30 0,360" \
  -draw "ellipse 580,310 110,30 0,360" -draw "ellipse 580,390 110,30 0,360" \
  -stroke '#8a4a1c' -strokewidth 4 \
  -draw "line 540,140 560,160" -draw "line 580,140 600,160" -draw "line 620,140 640,160" \
  -draw "line 540,300 560,320" -draw "line 580,300 600,320" -draw "line 620,300 640,320" \
  story-pain.jpg

# A warehouse dock with a truck and two figures, for the mentoring story.
jpeg -size ${W}x${H} gradient:'#cfe3f2'-'#eef5fa' \
  -fill '#9aa7b1' -draw "rectangle 0,380 800,520" \
  -fill '#5b6b78' -draw "rectangle 60,150 470,380" \
  -fill '#3e4b55' -draw "rectangle 100,230 200,380" -draw "rectangle 240,230 340,380" \
  -fill '#e4b548' -draw "rectangle 500,250 700,370" -fill '#d19a2a' -draw "rectangle 700,290 770,370" \
  -fill '#2b2f33' -draw "circle 550,372 575,372" -draw "circle 720,372 745,372" \
  -fill '#2f5d8a' -draw "roundrectangle 380,300 410,380 8,8" -fill '#f0c9a0' -draw "circle 395,285 395,270" \
  -fill '#b84a3a' -draw "roundrectangle 425,310 452,380 8,8" -fill '#e2b48c' -draw "circle 438,296 438,283" \
  story-parrainage.jpg

# A house by a lake at dusk, for the respite stays.
jpeg -size ${W}x${H} gradient:'#f4c7a1'-'#9bb7d4' \
  -fill '#6f8f6a' -draw "polygon 0,330 250,230 520,320 800,250 800,520 0,520" \
  -fill '#7fa6c9' -draw "ellipse 560,450 260,50 0,360" \
  -fill '#f3ead8' -draw "rectangle 180,300 360,410" \
  -fill '#9c3d2e' -draw "polygon 165,305 270,230 375,305" \
  -fill '#f2c14e' -draw "rectangle 210,330 250,370" -draw "rectangle 290,330 330,370" \
  -fill '#5a3a28' -draw "rectangle 255,360 285,410" \
  -fill '#fff6e0' -draw "circle 650,120 672,120" \
  story-repit.jpg

ls -l story-*.jpg
