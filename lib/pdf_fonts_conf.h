/*
 * pdf_fonts_conf.h - the fontconfig configuration of the PDF renderer
 * (pdf_fonts.c), also the one of the PDF floor of `make bench`
 * (tests/bench/pdf_floor.c): the directories the three families the
 * renderer names come in on the common distributions, read through the
 * system's font caches, and only those families accepted.
 */
#ifndef CR_PDF_FONTS_CONF_H
#define CR_PDF_FONTS_CONF_H

static const char cr_pdf_fonts_conf[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
    "<fontconfig>\n"
    /* Debian, Ubuntu */
    " <dir>/usr/share/fonts/truetype/noto</dir>\n"
    " <dir>/usr/share/fonts/opentype/noto</dir>\n"
    /* Fedora */
    " <dir>/usr/share/fonts/google-noto</dir>\n"
    " <dir>/usr/share/fonts/google-noto-vf</dir>\n"
    " <dir>/usr/share/fonts/google-noto-sans-cjk-fonts</dir>\n"
    " <dir>/usr/share/fonts/google-noto-sans-mono-cjk-fonts</dir>\n"
    /* Arch, Alpine */
    " <dir>/usr/share/fonts/noto</dir>\n"
    " <dir>/usr/share/fonts/noto-cjk</dir>\n"
    " <cachedir>/var/cache/fontconfig</cachedir>\n"
    " <cachedir prefix=\"xdg\">fontconfig</cachedir>\n"
    " <selectfont>\n"
    "  <acceptfont>\n"
    "   <pattern><patelt name=\"family\"><string>Noto Sans</string>"
    "</patelt></pattern>\n"
    "   <pattern><patelt name=\"family\"><string>Noto Sans CJK SC</string>"
    "</patelt></pattern>\n"
    "   <pattern><patelt name=\"family\"><string>Noto Sans Mono CJK SC"
    "</string></patelt></pattern>\n"
    "  </acceptfont>\n"
    "  <rejectfont><pattern></pattern></rejectfont>\n"
    " </selectfont>\n"
    "</fontconfig>\n";

#endif
