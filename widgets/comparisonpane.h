#pragma once
// One side of a comparison: a header with the side's letter in its colour, what the design is,
// whether it is the side being edited, and its Save, Save As and Keep buttons, over the side's
// view (its map). The side being edited has a thick frame in its colour and says "Editing".

#include <QWidget>

class QLabel;
class QToolButton;

namespace widgets {

enum class CompareSide { a, b };

class ComparisonPane : public QWidget {
    Q_OBJECT
public:
    ComparisonPane(CompareSide side, QWidget *parent = nullptr);

    // Puts a view under the header; the pane does not own it beyond Qt's parenting, and
    // take_body() gives it back.
    void set_body(QWidget *body);
    QWidget *take_body();
    QWidget *body() const { return body_; }

    void set_title(const QString &title, bool modified);
    QString title_text() const;
    void set_active(bool active);
    bool active() const { return active_; }
    CompareSide side() const { return side_; }
    // The colour of this side: Okabe-Ito orange for A, sky blue for B.
    static QColor side_colour(CompareSide side, const QPalette &palette);

signals:
    void save_requested();
    void save_as_requested();
    void keep_requested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void restyle();
    CompareSide side_;
    bool active_ = false;
    QWidget *body_ = nullptr;
    QLabel *badge_ = nullptr;
    QLabel *title_ = nullptr;
    QLabel *state_ = nullptr;
    QToolButton *save_ = nullptr;
    QToolButton *save_as_ = nullptr;
    QToolButton *keep_ = nullptr;
};

} // namespace widgets
