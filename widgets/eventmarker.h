#pragma once
// The marker of an event on the timeline and in its legend: a colour from the Okabe-Ito set and
// a shape per category, so that colour is not the only cue.

#include "timelinelanes.h"

#include <QColor>
#include <QPalette>
#include <QPointF>

class QPainter;

namespace widgets {

QColor category_colour(EventCategory category, const QPalette &palette);
void draw_marker(QPainter &p, EventCategory category, const QPointF &centre, double radius,
                 const QPalette &palette);

} // namespace widgets
