#include "timeline.h"

#include <QAction>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyleOptionFocusRect>
#include <QSvgGenerator>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr double kTimelineZoomStep = 1.5;
constexpr int kTimeBarHeight = 12;

} // namespace

Timeline::Timeline(QWidget *parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    lanes_bar_ = new QScrollBar(Qt::Vertical, this);
    lanes_bar_->hide();
    connect(lanes_bar_, &QScrollBar::valueChanged, this, [this](int px) {
        drawing_.set_scroll(px);
        relayout();
    });
    time_bar_ = new QScrollBar(Qt::Horizontal, this);
    time_bar_->hide();
    connect(time_bar_, &QScrollBar::valueChanged, this, [this](int s) {
        const TimeWindow &w = window_->window();
        window_->set(w.panned(static_cast<model::Ms>(s) * model::kSecond - w.from_ms));
    });
    const auto action = [this](const QString &text, const QKeySequence &key, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetShortcut);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        addAction(a);
        return a;
    };
    zoom_in_ = action(tr("Zoom Timeline In"), QKeySequence(Qt::Key_Plus),
                      tr("Zoom the timeline and the charts in around the playhead"));
    zoom_out_ = action(tr("Zoom Timeline Out"), QKeySequence(Qt::Key_Minus),
                       tr("Zoom the timeline and the charts out around the playhead"));
    zoom_reset_ = action(tr("Show the Whole Run"), QKeySequence(Qt::Key_0),
                         tr("Zoom the timeline and the charts out to the whole run"));
    // "=" shares its key with "+" on most keyboards.
    auto *equals = new QAction(this);
    equals->setShortcut(QKeySequence(Qt::Key_Equal));
    equals->setShortcutContext(Qt::WidgetShortcut);
    addAction(equals);
    connect(zoom_in_, &QAction::triggered, this,
            [this] { zoom_at(kTimelineZoomStep, key_anchor_x()); });
    connect(equals, &QAction::triggered, zoom_in_, &QAction::trigger);
    connect(zoom_out_, &QAction::triggered, this,
            [this] { zoom_at(1.0 / kTimelineZoomStep, key_anchor_x()); });
    connect(zoom_reset_, &QAction::triggered, this, [this] { window_->reset(); });
    connect(window_, &SharedTimeWindow::changed, this, &Timeline::window_changed);
    setMouseTracking(true);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(
        tr("The events of the run on a time axis, one lane per component, with the playhead "
           "and the recovery time taken apart. Left and Right move the playhead by one step, "
           "Shift with Left or Right jumps to the previous or next event, Page Up and Page "
           "Down by a tick, Home and End to the start and the end. Plus and Minus zoom around "
           "the playhead, 0 shows the whole run; Ctrl with the mouse wheel zooms around the "
           "mouse."));
    relayout();
}

void Timeline::set_report(std::shared_ptr<const model::Report> report,
                          const model::Scenario &scenario) {
    drawing_.set_report(std::move(report), scenario);
    window_->set_end(drawing_.end_ms());
    drawing_.set_window(window_->window());
    relayout();
    updateGeometry();
}

void Timeline::align(model::Ms axis_end_ms, double min_plot_left) {
    drawing_.align(axis_end_ms, min_plot_left);
    relayout();
}

void Timeline::set_playhead(model::Ms t) {
    if (t == playhead_)
        return;
    // A replay running out of a zoomed window turns the page: the window follows it.
    const TimeWindow &w = window_->window();
    if (!dragging_ && !w.is_whole() && w.contains(playhead_) && !w.contains(t) && t > w.to_ms) {
        playhead_ = t;
        window_->set(w.panned(t - w.from_ms - w.length() / 10));
        return;
    }
    update(drawing_.playhead_rect(playhead_).toAlignedRect());
    playhead_ = t;
    update(drawing_.playhead_rect(playhead_).toAlignedRect());
}

void Timeline::set_time_window(SharedTimeWindow *window) {
    if (!window)
        window = &own_window_;
    if (window == window_)
        return;
    disconnect(window_, nullptr, this, nullptr);
    window_ = window;
    connect(window_, &SharedTimeWindow::changed, this, &Timeline::window_changed);
    window_->set_end(drawing_.end_ms());
    window_changed();
}

void Timeline::window_changed() {
    drawing_.set_window(window_->window());
    relayout();
}

void Timeline::zoom_at(double factor, double x) {
    window_->zoom(factor, scale().exact_time_at(x));
}

double Timeline::key_anchor_x() const {
    const TimeScale &sc = scale();
    return sc.shows(playhead_) ? sc.x_of(playhead_) : (sc.left() + sc.right()) / 2;
}

void Timeline::set_highlight(const QString &id) {
    if (id.toStdString() == drawing_.highlight())
        return;
    drawing_.set_highlight(id.toStdString());
    cache_ = QPixmap();
    update();
}

void Timeline::relayout() {
    const TimeWindow &w = window_->window();
    const bool zoomed = !w.is_whole() && w.end_ms == drawing_.end_ms();
    drawing_.set_top_margin(zoomed ? kTimeBarHeight + 2 : 0);
    drawing_.lay_out(QSizeF(size()), font());
    {
        const QSignalBlocker block(time_bar_);
        const auto seconds = [](model::Ms t) { return static_cast<int>(t / model::kSecond); };
        time_bar_->setRange(0, seconds(w.end_ms - w.length()));
        time_bar_->setPageStep(std::max(1, seconds(w.length())));
        time_bar_->setSingleStep(std::max(1, seconds(w.length()) / 10));
        time_bar_->setValue(seconds(w.from_ms));
    }
    const TimeScale &sc = drawing_.scale();
    time_bar_->setGeometry(static_cast<int>(sc.left()), 2, static_cast<int>(sc.width()),
                           kTimeBarHeight);
    time_bar_->setVisible(zoomed);
    const QRect view = drawing_.lanes_view().toAlignedRect();
    {
        const QSignalBlocker block(lanes_bar_);
        lanes_bar_->setRange(0, static_cast<int>(std::ceil(drawing_.max_scroll())));
        lanes_bar_->setPageStep(view.height());
        lanes_bar_->setSingleStep(static_cast<int>(drawing_.lane_height()));
        lanes_bar_->setValue(static_cast<int>(drawing_.scroll()));
    }
    const int bar_w = lanes_bar_->sizeHint().width();
    lanes_bar_->setGeometry(width() - bar_w, view.top(), bar_w, view.height());
    lanes_bar_->setVisible(drawing_.max_scroll() > 0);
    cache_ = QPixmap();
    update();
}

QSize Timeline::sizeHint() const {
    return drawing_.preferred_size(900, font()).toSize();
}

QSize Timeline::minimumSizeHint() const {
    return {360, 120}; // the lanes scroll
}

bool Timeline::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        QString text = drawing_.tooltip_at(help->pos());
        if (text.isEmpty() && drawing_.seek_area().contains(help->pos()))
            text = tr("Click or drag to move the playhead. Left/Right: one step; Shift+Left/Right: "
                      "previous/next event; Home/End: start/end.");
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void Timeline::paintEvent(QPaintEvent *event) {
    const qreal dpr = devicePixelRatioF();
    if (cache_.isNull()) {
        cache_ = QPixmap(size() * dpr);
        cache_.setDevicePixelRatio(dpr);
        QPainter cp(&cache_);
        drawing_.paint(cp, palette());
    }
    QPainter p(this);
    const QRect r = event->rect();
    p.drawPixmap(r, cache_, QRectF(QPointF(r.topLeft()) * dpr, QSizeF(r.size()) * dpr));
    drawing_.paint_playhead(p, palette(), playhead_);
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = drawing_.seek_area().toAlignedRect().adjusted(-2, -2, 2, 2);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &p, this);
    }
}

void Timeline::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void Timeline::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        relayout();
}

void Timeline::mousePressEvent(QMouseEvent *event) {
    const QPointF pos = event->position();
    if (event->button() != Qt::LeftButton || !drawing_.seek_area().contains(pos)) {
        QWidget::mousePressEvent(event);
        return;
    }
    dragging_ = true;
    // A click on an event marker lands exactly on its event.
    emit seek_requested(drawing_.marker_time_at(pos).value_or(scale().time_at(pos.x())));
}

void Timeline::mouseMoveEvent(QMouseEvent *event) {
    if (!(event->buttons() & Qt::LeftButton)) {
        const QString id = QString::fromStdString(drawing_.lane_id_at(event->position()));
        if (id != hovered_) {
            hovered_ = id;
            emit component_hovered(id);
        }
    }
    if (!dragging_ || !(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    emit seek_requested(scale().time_at(event->position().x()));
}

void Timeline::mouseReleaseEvent(QMouseEvent *event) {
    dragging_ = false;
    QWidget::mouseReleaseEvent(event);
}

void Timeline::leaveEvent(QEvent *event) {
    QWidget::leaveEvent(event);
    if (!hovered_.isEmpty()) {
        hovered_.clear();
        emit component_hovered(QString());
    }
}

void Timeline::wheelEvent(QWheelEvent *event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = event->angleDelta().y() / 120.0;
        if (notches != 0)
            zoom_at(std::pow(kTimelineZoomStep, notches), event->position().x());
        event->accept();
        return;
    }
    const TimeWindow &w = window_->window();
    const int sideways = event->angleDelta().x() != 0             ? event->angleDelta().x()
                         : event->modifiers() & Qt::ShiftModifier ? event->angleDelta().y()
                                                                  : 0;
    if (sideways != 0 && !w.is_whole()) {
        window_->set(w.panned(-static_cast<model::Ms>(sideways / 120.0 * w.length() / 10)));
        event->accept();
        return;
    }
    if (!lanes_bar_->isVisible() || !drawing_.lanes_view().contains(event->position())) {
        QWidget::wheelEvent(event);
        return;
    }
    const int notches = event->angleDelta().y() / 120;
    lanes_bar_->setValue(lanes_bar_->value() - notches * 3 * lanes_bar_->singleStep());
    event->accept();
}

void Timeline::keyPressEvent(QKeyEvent *event) {
    const model::Ms step = drawing_.step_ms();
    const model::Ms tick = scale().tick_step(80);
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    std::optional<model::Ms> to;
    switch (event->key()) {
    case Qt::Key_Left:
        to = shift ? drawing_.previous_event(playhead_) : playhead_ - step;
        break;
    case Qt::Key_Right:
        to = shift ? drawing_.next_event(playhead_) : playhead_ + step;
        break;
    case Qt::Key_PageUp:
        to = playhead_ - tick;
        break;
    case Qt::Key_PageDown:
        to = playhead_ + tick;
        break;
    case Qt::Key_Home:
        to = 0;
        break;
    case Qt::Key_End:
        to = drawing_.end_ms();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom_in_->trigger();
        break;
    case Qt::Key_Minus:
        zoom_out_->trigger();
        break;
    case Qt::Key_0:
        zoom_reset_->trigger();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    if (to)
        emit seek_requested(std::clamp<model::Ms>(*to, 0, drawing_.end_ms()));
    event->accept();
}

void Timeline::focusInEvent(QFocusEvent *event) {
    QWidget::focusInEvent(event);
    update();
}

void Timeline::focusOutEvent(QFocusEvent *event) {
    QWidget::focusOutEvent(event);
    update();
}

TimelineDrawing Timeline::export_drawing() const {
    TimelineDrawing d = drawing_;
    d.lay_out(drawing_.preferred_size(std::max(width(), 900), font()), font());
    return d;
}

bool Timeline::export_png(const QString &path) {
    const TimelineDrawing d = export_drawing();
    const QSizeF size = d.size();
    constexpr qreal dpr = 2; // sharp on a high-density screen or in print
    QImage image((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    {
        QPainter p(&image);
        d.paint(p, palette());
        d.paint_playhead(p, palette(), playhead_);
    }
    return image.save(path, "PNG");
}

bool Timeline::export_svg(const QString &path) {
    const TimelineDrawing d = export_drawing();
    const QSizeF size = d.size();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setResolution(logicalDpiY()); // text as large as the layout measured it on screen
    svg.setTitle(tr("Failover Lab timeline"));
    svg.setDescription(tr("The events of a simulated run and its recovery time taken apart"));
    {
        QPainter p;
        if (!p.begin(&svg))
            return false;
        d.paint(p, palette());
        d.paint_playhead(p, palette(), playhead_);
    }
    return QFileInfo(path).size() > 0;
}

} // namespace widgets
