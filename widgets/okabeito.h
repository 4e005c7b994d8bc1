#pragma once
// The Okabe-Ito colours, which stay apart for the common colour-vision deficiencies (grey takes
// black's place: black is the palette's text colour).

#include <QColor>
#include <QPalette>

namespace widgets {

enum class OkabeIto {
    orange,
    sky_blue,
    bluish_green,
    yellow,
    blue,
    vermillion,
    reddish_purple,
    grey
};

// The hue as published, adjusted for a dark palette so that it keeps its contrast there.
QColor okabe_ito(OkabeIto hue, const QPalette &palette);

// The n-th colour of a sequence of series, skipping yellow, which fades on a light background.
QColor series_colour(int n, const QPalette &palette);

// True when the palette draws light text on a dark window.
bool is_dark(const QPalette &palette);

// Black or white, whichever reads better on the colour.
QColor text_on(const QColor &background);

} // namespace widgets
