#pragma once
// The requests in flight: one item draws every dot of every flow from two cached sprites.

#include "model/sim_time.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPixmap>

#include <vector>

namespace widgets {

// One flow of requests from a population to the region of the app tier serving it.
struct FlowPath {
    QPointF from, to;
    double requests_per_s = 0;
    double failed_share = 0; // of those requests
    bool operator==(const FlowPath &) const = default;
};

class RequestDots : public QGraphicsItem {
public:
    enum { Type = UserType + 8 };
    // Simulated time a dot takes from its population to the region.
    static constexpr model::Ms kTravelMs = 8000;
    // Dots per request/s while under the cap.
    static constexpr double kDotsPerRps = 0.15;
    static constexpr int kDefaultMaxDots = 2000;
    // How far flows bow sideways, as a share of their length.
    static constexpr double kBend = 0.12;

    RequestDots();

    // Served requests are discs, failed ones crosses: they differ in shape, not only colour.
    void set_colours(const QColor &ok, const QColor &failed, const QColor &halo, qreal dpr);
    void set_flows(std::vector<FlowPath> flows);
    // Places the dots for playhead time t: a pure function of the flows and t.
    void set_time(model::Ms t);
    // Reduced motion: each flow is a still line whose width follows its request rate.
    void set_reduce_motion(bool on);
    void set_max_dots(int max_dots);
    // Scene units per device pixel at the current zoom, so the bounds cover the sprites.
    void set_pixel_size(double scene_per_pixel);

    const std::vector<FlowPath> &flows() const { return flows_; }
    const std::vector<QPointF> &ok_dots() const { return ok_; }
    const std::vector<QPointF> &failed_dots() const { return failed_; }
    bool reduce_motion() const { return reduce_motion_; }

    // Dot i of a flow of n sits at fraction frac(t / kTravelMs + i / n) of its curve; a share
    // failed_share of each flow's dots, spread evenly, are failed ones.
    static void place(const std::vector<FlowPath> &flows, model::Ms t, int max_dots,
                      std::vector<QPointF> &ok, std::vector<QPointF> &failed);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return bounds_; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void update_bounds();

    std::vector<FlowPath> flows_;
    std::vector<double> widths_; // reduced motion: line width per flow, in pixels
    std::vector<QPainterPath> paths_;
    std::vector<QPointF> ok_, failed_;
    model::Ms t_ = 0;
    int max_dots_ = kDefaultMaxDots;
    bool reduce_motion_ = false;
    double pixel_ = 1.0;
    QRectF bounds_;
    QPixmap ok_sprite_, failed_sprite_;
    QColor ok_colour_, failed_colour_;
    QPointF ok_offset_, failed_offset_;
};

} // namespace widgets
