#pragma once
// The parts bin: one entry per component kind, dragged onto the map or added with Enter.

#include "model/edit.h"

#include <QListWidget>

namespace widgets {

class Palette : public QListWidget {
    Q_OBJECT
public:
    explicit Palette(QWidget *parent = nullptr);
    model::ComponentKind kind_at(int row) const;

signals:
    // Enter or a double-click: add without a mouse drag.
    void add_requested(model::ComponentKind kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    void keyPressEvent(QKeyEvent *event) override;
};

// What the palette calls a kind, and what its tooltip says about it and where it may be dropped.
QString component_kind_name(model::ComponentKind kind);
QString component_kind_help(model::ComponentKind kind);

} // namespace widgets
