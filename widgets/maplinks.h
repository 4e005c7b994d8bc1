#pragma once
// Lines on the map: DNS and accelerator routes, the current answers, population entries and
// database replication, each with an optional label that keeps its size at every zoom.

#include "mapstyle.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QPainterPath>

#include <memory>

namespace widgets {

// A gentle arc between two scene points: lines and request dots follow the same curve.
struct Curve {
    QPointF from, control, to;
    // `bend` is the sideways offset of the middle as a share of the length.
    static Curve between(QPointF from, QPointF to, double bend);
    QPointF at(double t) const;
    QPainterPath path() const;
};

// A small text plate, e.g. a replication lag, drawn at a fixed pixel size.
class LabelItem : public QGraphicsItem {
public:
    enum { Type = UserType + 7 };
    explicit LabelItem(std::shared_ptr<const MapStyle> style, QGraphicsItem *parent = nullptr);

    void set_text(const QString &text, bool alert);
    const QString &text() const { return text_; }

    int type() const override { return Type; }
    QRectF boundingRect() const override { return rect_; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    std::shared_ptr<const MapStyle> style_;
    QString text_;
    bool alert_ = false;
    QRectF rect_;
};

enum class LinkStyle : std::uint8_t {
    route,       // a DNS record or accelerator endpoint: where answers may point
    answer,      // what a population is being told right now
    entry,       // a population's way in (its DNS name or accelerator)
    replication, // database replication between two regions
};

class LinkItem : public QGraphicsItem {
public:
    enum { Type = UserType + 6 };
    using Style = LinkStyle;
    LinkItem(Style style, std::shared_ptr<const MapStyle> map_style);

    void set_ends(QPointF from, QPointF to, double bend);
    // Answers show only while in force; replication shows broken links dashed.
    void set_active(bool active);
    void set_label(const QString &text, bool alert = false);
    // Where along the line the label sits (0: start, 1: end; the middle by default).
    void set_label_at(double t);
    double label_at() const { return label_t_; }
    // The label's plate in pixels (empty without a label).
    QSizeF label_size() const;
    // The label's centre in scene coordinates.
    QPointF label_pos() const;
    // What hovering the label tells (lines themselves are too thin to hover).
    void set_label_tooltip(const QString &text);

    Style style() const { return style_; }
    bool active() const { return active_; }
    QString label() const;
    const Curve &curve() const { return curve_; }

    int type() const override { return Type; }
    QRectF boundingRect() const override { return bounds_; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Style style_;
    std::shared_ptr<const MapStyle> map_style_;
    Curve curve_;
    QPainterPath path_;
    QRectF bounds_;
    bool active_ = true;
    double label_t_ = 0.5;
    LabelItem *label_ = nullptr;
};

} // namespace widgets
