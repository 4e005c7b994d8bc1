#include "requestdots.h"

#include "maplinks.h"
#include "mapsymbols.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>

namespace widgets {
namespace {

QPixmap sprite(int size, qreal dpr, const std::function<void(QPainter &)> &draw) {
    QPixmap pm(static_cast<int>(std::ceil(size * dpr)), static_cast<int>(std::ceil(size * dpr)));
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing, true);
    draw(p);
    return pm;
}

} // namespace

RequestDots::RequestDots() {
    setZValue(3);
    setAcceptedMouseButtons(Qt::NoButton);
    // The dots change every frame: a cache would only be thrown away.
    setCacheMode(NoCache);
}

void RequestDots::set_colours(const QColor &ok, const QColor &failed, const QColor &halo,
                              qreal dpr) {
    ok_colour_ = ok;
    failed_colour_ = failed;
    ok_sprite_ = sprite(8, dpr, [&](QPainter &p) {
        draw_request_dot(&p, {4, 4}, false, ok, halo);
    });
    failed_sprite_ = sprite(10, dpr, [&](QPainter &p) {
        draw_request_dot(&p, {5, 5}, true, failed, halo);
    });
    ok_offset_ = QPointF(4, 4);
    failed_offset_ = QPointF(5, 5);
    update();
}

void RequestDots::set_flows(std::vector<FlowPath> flows) {
    if (flows == flows_)
        return;
    flows_ = std::move(flows);
    double most = 0;
    for (const FlowPath &f : flows_)
        most = std::max(most, f.requests_per_s);
    widths_.clear();
    paths_.clear();
    for (const FlowPath &f : flows_) {
        widths_.push_back(most > 0 ? 1.5 + 10.5 * f.requests_per_s / most : 1.5);
        paths_.push_back(Curve::between(f.from, f.to, kBend).path());
    }
    update_bounds();
    place(flows_, t_, max_dots_, ok_, failed_);
    update();
}

void RequestDots::set_time(model::Ms t) {
    if (t == t_)
        return;
    t_ = t;
    if (reduce_motion_)
        return;
    place(flows_, t_, max_dots_, ok_, failed_);
    update();
}

void RequestDots::set_reduce_motion(bool on) {
    if (on == reduce_motion_)
        return;
    reduce_motion_ = on;
    if (!on)
        place(flows_, t_, max_dots_, ok_, failed_);
    update();
}

void RequestDots::set_max_dots(int max_dots) {
    max_dots_ = std::max(0, max_dots);
    place(flows_, t_, max_dots_, ok_, failed_);
    update();
}

void RequestDots::set_pixel_size(double scene_per_pixel) {
    if (scene_per_pixel == pixel_)
        return;
    pixel_ = scene_per_pixel;
    update_bounds();
}

void RequestDots::update_bounds() {
    QRectF r;
    for (const QPainterPath &p : paths_)
        r |= p.boundingRect();
    const double m = 8 * pixel_;
    prepareGeometryChange();
    bounds_ = r.isNull() ? QRectF() : r.adjusted(-m, -m, m, m);
}

void RequestDots::place(const std::vector<FlowPath> &flows, model::Ms t, int max_dots,
                        std::vector<QPointF> &ok, std::vector<QPointF> &failed) {
    ok.clear();
    failed.clear();
    double total = 0;
    for (const FlowPath &f : flows)
        total += std::max(0.0, f.requests_per_s);
    if (total <= 0 || max_dots <= 0)
        return;
    const double per_rps = std::min(kDotsPerRps, max_dots / total);
    const double phase = static_cast<double>(((t % kTravelMs) + kTravelMs) % kTravelMs) / kTravelMs;
    int budget = max_dots;
    for (const FlowPath &f : flows) {
        if (f.requests_per_s <= 0 || budget <= 0)
            continue;
        const int n = std::min(
            budget, std::max(1, static_cast<int>(std::lround(f.requests_per_s * per_rps))));
        budget -= n;
        const Curve c = Curve::between(f.from, f.to, kBend);
        const double share = std::clamp(f.failed_share, 0.0, 1.0);
        for (int i = 0; i < n; ++i) {
            double x = phase + static_cast<double>(i) / n;
            x -= std::floor(x);
            const bool is_failed = std::floor((i + 1) * share) > std::floor(i * share);
            (is_failed ? failed : ok).push_back(c.at(x));
        }
    }
}

void RequestDots::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    if (reduce_motion_) {
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setBrush(Qt::NoBrush);
        for (std::size_t i = 0; i < flows_.size(); ++i) {
            // Served requests as a solid band, failed ones as a dashed band: the two widths
            // add up to the flow's width, and the dashes tell them apart without colour.
            const double failed = std::clamp(flows_[i].failed_share, 0.0, 1.0);
            const double width = widths_[i];
            QPen pen(ok_colour_, std::max(1.0, width * (1 - failed)), Qt::SolidLine, Qt::FlatCap);
            pen.setCosmetic(true);
            if (failed < 0.999) {
                painter->setPen(pen);
                painter->drawPath(paths_[i]);
            }
            if (failed > 0.001) {
                pen.setColor(failed_colour_);
                pen.setWidthF(std::max(1.5, width * failed));
                pen.setStyle(Qt::DashLine);
                painter->setPen(pen);
                painter->drawPath(paths_[i]);
            }
        }
        return;
    }
    // Sprites are blitted at whole device pixels: no scaling, no antialiasing, one call per dot.
    const QTransform to_device = painter->worldTransform();
    const QRect device(QPoint(0, 0),
                       QSize(painter->device()->width(), painter->device()->height()));
    painter->save();
    painter->setWorldTransform(QTransform());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    const auto blit = [&](const std::vector<QPointF> &dots, const QPixmap &pm, QPointF offset) {
        for (const QPointF &p : dots) {
            const QPoint at = (to_device.map(p) - offset).toPoint();
            if (device.contains(at))
                painter->drawPixmap(at, pm);
        }
    };
    blit(ok_, ok_sprite_, ok_offset_);
    blit(failed_, failed_sprite_, failed_offset_);
    painter->restore();
}

} // namespace widgets
