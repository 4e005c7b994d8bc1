#include "okabeito.h"

#include <array>

namespace widgets {

QColor okabe_ito(OkabeIto hue, const QPalette &palette) {
    static constexpr std::array<QRgb, 8> rgb = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                                0x0072B2, 0xD55E00, 0xCC79A7, 0x999999};
    QColor c = QColor::fromRgb(rgb[static_cast<std::size_t>(hue)]);
    // Blue is the one hue dark enough to sink into a dark window; lift it a little, not so far
    // that it meets sky blue.
    if (hue == OkabeIto::blue && is_dark(palette))
        c = c.lighter(125);
    return c;
}

QColor series_colour(int n, const QPalette &palette) {
    static constexpr std::array<OkabeIto, 7> order = {
        OkabeIto::blue,     OkabeIto::orange,         OkabeIto::bluish_green, OkabeIto::vermillion,
        OkabeIto::sky_blue, OkabeIto::reddish_purple, OkabeIto::grey};
    return okabe_ito(order[static_cast<std::size_t>(n) % order.size()], palette);
}

bool is_dark(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

QColor text_on(const QColor &background) {
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace widgets
