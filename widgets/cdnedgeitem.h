#pragma once
// An edge location of a CDN distribution, at its place on the map: how fresh its cache is at the
// playhead (a ring that empties as the cached objects run out) and which origin answers its
// misses. It mirrors one edge by key and holds only what the view last gave it.

#include "mapstyle.h"

#include "model/run.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QString>

#include <memory>

namespace widgets {

class CdnEdgeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(CdnEdgeItem)

public:
    enum { Type = UserType + 9 };
    CdnEdgeItem(std::shared_ptr<const MapStyle> style);

    // The edge's name and what it belongs to, from the scenario.
    void sync(const QString &label, const QString &tooltip);
    // Its state at the playhead: the share of its cache still fresh, and who answers misses.
    void set_state(double cache_fresh, model::CdnOrigin answering, const QString &answered_by);
    double cache_fresh() const { return fresh_; }
    model::CdnOrigin answering() const { return answering_; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    std::shared_ptr<const MapStyle> style_;
    QString label_, tooltip_, state_text_;
    double fresh_ = 1.0;
    model::CdnOrigin answering_ = model::CdnOrigin::primary;
};

} // namespace widgets
