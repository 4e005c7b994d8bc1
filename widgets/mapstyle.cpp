#include "mapstyle.h"

#include <algorithm>

namespace widgets {
namespace {

QColor mix(const QColor &a, const QColor &b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

MapStyle MapStyle::from(const QPalette &palette, const QFont &font) {
    MapStyle s;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent = palette.color(QPalette::Highlight);
    s.dark = base.lightnessF() < 0.5;
    s.ocean = mix(base, accent, s.dark ? 0.10 : 0.06);
    s.land = mix(base, text, s.dark ? 0.16 : 0.11);
    s.grid = mix(s.ocean, text, 0.08);
    s.box = palette.color(QPalette::Window);
    s.box_down = mix(s.box, text, 0.22);
    s.border = mix(s.box, text, 0.55);
    s.text = text;
    s.muted = mix(base, text, 0.55);
    s.accent = accent;
    s.highlight_text = palette.color(QPalette::HighlightedText);
    s.ok = s.dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2);
    s.failed = s.dark ? QColor(0xf0, 0x8c, 0x4a) : QColor(0xd5, 0x5e, 0x00);
    s.warn = s.dark ? QColor(0xe6, 0x9f, 0x00) : QColor(0xb3, 0x6b, 0x00);
    s.hatch = mix(s.box_down, text, 0.35);
    s.font = font;
    s.small_font = font;
    if (font.pointSizeF() > 0)
        s.small_font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        s.small_font.setPixelSize(std::max(8, font.pixelSize() * 85 / 100));
    s.bold_font = font;
    s.bold_font.setBold(true);
    return s;
}

} // namespace widgets
