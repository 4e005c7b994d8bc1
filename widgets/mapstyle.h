#pragma once
// The colours and fonts the map items paint with, taken from the view's palette and font.

#include <QColor>
#include <QFont>
#include <QPalette>

namespace widgets {

struct MapStyle {
    QColor ocean, land, grid;
    QColor box, box_down, border, text, muted, accent, highlight_text;
    QColor ok, failed, warn, hatch;
    QFont font, small_font, bold_font;
    bool dark = false;

    // Muted map colours that read well on light and dark palettes alike; the outcome colours
    // (blue for served, vermilion for failed) are safe for the common colour-vision deficiencies,
    // and every state they show is also drawn as a shape or a word.
    static MapStyle from(const QPalette &palette, const QFont &font);
};

} // namespace widgets
