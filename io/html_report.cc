// SPDX-License-Identifier: MIT
// The report as one HTML page with inline SVG charts (html_report.h).
#include "irio/io/html_report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "irio/io/internal/atomic_output.h"
#include "irio/tables/error.h"

namespace irio::io {
namespace {

// Colour-blind-friendly categorical palette (Tableau 10).
constexpr const char* kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
constexpr std::size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);
// Shades that tell the stacked series apart when the colour is the bar's group.
constexpr double kShades[] = {1.0, 0.55, 0.3, 0.8, 0.4};
constexpr std::size_t kShadesSize = sizeof(kShades) / sizeof(kShades[0]);

constexpr double kWidth = 760, kBarHeight = 14, kBarGap = 4, kTop = 8, kRight = 24;

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string px(double v) { return fmt("%.1f", v); }

std::string show_value(double v, bool percent, int decimals = 4) {
  if (!std::isfinite(v)) return "NA";
  if (percent) return fmt("%.1f", 100 * v) + " %";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

/// A round upper end of the axis at or above `v` (1, 2, 2.5, 4 or 5 times a power of ten).
double nice_ceiling(double v) {
  if (!(v > 0)) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 4.0, 5.0, 10.0})
    if (m * p >= v * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/// The colour of series k when bars are not coloured by group. Only "#rrggbb" is accepted from
/// the chart (it lands in an attribute); anything else falls back to the palette.
std::string series_colour(const BarChart& c, std::size_t k) {
  const std::string& s = c.series[k].colour;
  const bool hex = s.size() == 7 && s[0] == '#' &&
                   std::all_of(s.begin() + 1, s.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
  return hex ? s : kPalette[k % kPaletteSize];
}

/// Code points of UTF-8 text (continuation bytes not counted).
std::size_t text_length(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

/// `s` cut to at most `max` code points, the last one an ellipsis when cut (never inside a
/// UTF-8 sequence).
std::string shorten(const std::string& s, std::size_t max) {
  if (text_length(s) <= max) return s;
  std::size_t points = 0, end = 0;
  for (; end < s.size(); ++end)
    if ((static_cast<unsigned char>(s[end]) & 0xC0) != 0x80 && ++points == max) break;  // start of the max-th
  return s.substr(0, end) + "\xE2\x80\xA6";  // U+2026
}

/// A bar's label beside the axis: at most this many characters (the full one is in its tooltip).
constexpr std::size_t kMaxLabel = 40;

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML
        if (c == 0x7f) break;
        out += ch;
    }
  }
  return out;
}

std::string render_bar_chart_svg(const BarChart& chart) {
  if (const auto why = chart.validate(); !why.empty()) throw InputError("report: " + why);
  const std::size_t nc = chart.categories.size();
  const auto groups = chart.groups();
  const bool by_group = !groups.empty();

  // Label column wide enough for the longest category (about 6.5 px a character at 11 px).
  std::size_t longest = 0;
  for (std::size_t i = 0; i < nc; ++i) longest = std::max(longest, text_length(shorten(chart.label(i), kMaxLabel)));
  const double left = std::clamp(12 + 6.5 * static_cast<double>(longest), 60.0, 280.0);
  const double plot_w = kWidth - left - kRight;

  // Positive segments stack rightwards from 0, negative ones (e.g. contributions to a change)
  // leftwards; without negative values the axis starts at 0.
  double max_total = 0, min_total = 0;
  for (std::size_t i = 0; i < nc; ++i) {
    double sum = 0, neg = 0;
    for (const auto& s : chart.series)
      if (std::isfinite(s.values[i]) && s.values[i] > 0) sum += s.values[i];
      else if (std::isfinite(s.values[i]) && s.values[i] < 0) neg += s.values[i];
    max_total = std::max(max_total, sum);
    min_total = std::min(min_total, neg);
  }
  double x_max = max_total > 0 || min_total == 0 ? nice_ceiling(max_total) : 0.0;
  double x_min = min_total < 0 ? -nice_ceiling(-min_total) : 0.0;
  // Both signs: a symmetric axis with four steps, so that 0 is a tick.
  const bool both = x_min < 0 && x_max > 0;
  if (both) x_max = -(x_min = -std::max(x_max, -x_min));
  const int steps = both ? 4 : 5;
  auto x_of = [&](double v) { return left + plot_w * (v - x_min) / (x_max - x_min); };

  const double plot_h = static_cast<double>(nc) * (kBarHeight + kBarGap);
  const double axis_y = kTop + plot_h + 4;
  // Legend: one row of swatches per 4 entries.
  std::vector<std::pair<std::string, std::string>> legend;  // label, fill/opacity style
  if (by_group) {
    for (std::size_t g = 0; g < groups.size(); ++g)
      legend.emplace_back(groups[g], std::string("fill:") + kPalette[g % kPaletteSize]);
    if (chart.series.size() > 1)
      for (std::size_t k = 0; k < chart.series.size(); ++k)
        legend.emplace_back(chart.series[k].name, "fill:#555;fill-opacity:" + fmt("%.2f", kShades[k % kShadesSize]));
  } else {
    for (std::size_t k = 0; k < chart.series.size(); ++k)
      legend.emplace_back(chart.series[k].name, "fill:" + series_colour(chart, k));
  }
  // As many legend columns (at most 4) as the longest label allows.
  std::size_t longest_entry = 0;
  for (const auto& e : legend) longest_entry = std::max(longest_entry, e.first.size());
  const double entry_w = 17 + 6.5 * static_cast<double>(longest_entry) + 16;
  const std::size_t columns = std::clamp<std::size_t>(static_cast<std::size_t>((kWidth - 20) / entry_w), 1, 4);
  const std::size_t legend_rows = (legend.size() + columns - 1) / columns;
  const double legend_y = axis_y + (chart.axis_label.empty() ? 34 : 48);
  const double height = legend_y + 18 * static_cast<double>(legend_rows) + 4;

  std::ostringstream o;
  const std::size_t marks = chart.num_marks();
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-" << html_escape(chart.id)
    << "\" data-marks=\"" << marks << "\" data-categories=\"" << nc << "\" width=\"" << px(kWidth)
    << "\" height=\"" << px(height) << "\" viewBox=\"0 0 " << px(kWidth) << ' ' << px(height)
    << "\" role=\"img\" aria-label=\"" << html_escape(chart.title) << "\">\n";
  o << "<title>" << html_escape(chart.title) << "</title>\n";

  // Grid lines and tick labels.
  for (int t = 0; t <= steps; ++t) {
    const double v = x_min + (x_max - x_min) * t / steps;
    const double x = x_of(v);
    o << "<line class=\"grid\" x1=\"" << px(x) << "\" y1=\"" << px(kTop) << "\" x2=\"" << px(x) << "\" y2=\""
      << px(axis_y) << "\"/>";
    o << "<text class=\"tick\" x=\"" << px(x) << "\" y=\"" << px(axis_y + 13) << "\" text-anchor=\"middle\">"
      << html_escape(chart.percent ? fmt(x_max - x_min < 0.1 ? "%.1f" : "%.0f", 100 * v) + " %"
                                   : fmt(x_max - x_min < 1 ? "%.2f" : std::abs(v) >= 1e4 ? "%.3g" : "%.1f", v))
      << "</text>";
  }
  o << "\n";
  if (!chart.axis_label.empty())
    o << "<text class=\"axis-label\" x=\"" << px(left + plot_w / 2) << "\" y=\"" << px(axis_y + 28)
      << "\" text-anchor=\"middle\">" << html_escape(chart.axis_label) << "</text>\n";

  // Bars.
  for (std::size_t i = 0; i < nc; ++i) {
    const double y = kTop + static_cast<double>(i) * (kBarHeight + kBarGap);
    // The label, with the full label and the code in a tooltip when it shows less.
    const std::string& full = chart.label(i);
    const std::string shown = shorten(full, kMaxLabel);
    std::string tip = full == chart.categories[i] || full.rfind(chart.categories[i] + " ", 0) == 0
                          ? full
                          : full + " (" + chart.categories[i] + ")";
    o << "<text class=\"label\" x=\"" << px(left - 6) << "\" y=\"" << px(y + kBarHeight - 3)
      << "\" text-anchor=\"end\">";
    if (tip != shown) o << "<title>" << html_escape(tip) << "</title>";
    o << html_escape(shown) << "</text>";
    std::size_t g = 0;
    if (by_group) g = static_cast<std::size_t>(
        std::find(groups.begin(), groups.end(), chart.category_groups[i]) - groups.begin());
    double at = 0, at_neg = 0;
    for (std::size_t k = 0; k < chart.series.size(); ++k) {
      const double v = chart.series[k].values[i];
      if (!(std::isfinite(v) && v != 0)) continue;
      const bool neg = v < 0;
      const double from = neg ? at_neg + v : at, to = neg ? at_neg : at + v;
      const std::string fill = by_group ? std::string(kPalette[g % kPaletteSize]) : series_colour(chart, k);
      const double opacity = by_group ? kShades[k % kShadesSize] : 1.0;
      o << "<rect class=\"mark s" << k << "\" x=\"" << px(x_of(from)) << "\" y=\"" << px(y) << "\" width=\""
        << fmt("%.2f", std::max(0.0, x_of(to) - x_of(from))) << "\" height=\"" << px(kBarHeight)
        << "\" fill=\"" << fill << "\"";
      if (opacity < 1) o << " fill-opacity=\"" << fmt("%.2f", opacity) << "\"";
      o << "><title>" << html_escape(tip);
      if (by_group) o << " (" << html_escape(chart.category_groups[i]) << ")";
      o << " | " << html_escape(chart.series[k].name) << ": " << html_escape(show_value(v, chart.percent))
        << "</title></rect>";
      (neg ? at_neg : at) += v;
    }
    o << "\n";
  }
  if (x_min < 0)  // the zero line between negative and positive segments
    o << "<line class=\"axis\" x1=\"" << px(x_of(0)) << "\" y1=\"" << px(kTop) << "\" x2=\"" << px(x_of(0))
      << "\" y2=\"" << px(axis_y) << "\"/>\n";
  o << "<line class=\"axis\" x1=\"" << px(left) << "\" y1=\"" << px(axis_y) << "\" x2=\"" << px(left + plot_w)
    << "\" y2=\"" << px(axis_y) << "\"/>\n";

  // Legend.
  for (std::size_t e = 0; e < legend.size(); ++e) {
    const double lx = 10 + static_cast<double>(e % columns) * (kWidth - 20) / static_cast<double>(columns);
    const double ly = legend_y + 18 * static_cast<double>(e / columns);
    o << "<rect class=\"swatch\" x=\"" << px(lx) << "\" y=\"" << px(ly - 10) << "\" width=\"12\" height=\"12\" style=\""
      << legend[e].second << "\"/><text class=\"legend\" x=\"" << px(lx + 17) << "\" y=\"" << px(ly) << "\">"
      << html_escape(legend[e].first) << "</text>\n";
  }
  o << "</svg>\n";
  return o.str();
}

std::string render_table_html(const ReportTable& table) {
  std::ostringstream o;
  o << "<table class=\"data\" id=\"table-" << html_escape(table.id) << "\">\n";
  if (!table.title.empty()) o << "<caption>" << html_escape(table.title) << "</caption>\n";
  o << "<thead><tr>";
  for (const auto& c : table.columns) o << "<th>" << html_escape(c) << "</th>";
  o << "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    o << "<tr>";
    for (const auto& cell : row) {
      if (const auto* s = std::get_if<std::string>(&cell)) {
        const bool flag = *s == "FAILED" || *s == "error";
        o << (flag ? "<td class=\"fail\">" : "<td>") << html_escape(*s) << "</td>";
      } else {
        o << "<td class=\"num\">" << html_escape(show_value(std::get<double>(cell), false, table.decimals))
          << "</td>";
      }
    }
    o << "</tr>\n";
  }
  o << "</tbody></table>\n";
  if (!table.note.empty()) o << "<p class=\"note\">" << html_escape(table.note) << "</p>\n";
  return o.str();
}

std::string render_html_report(const ReportDocument& doc) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       // Nothing may be fetched: styles and the one script are inline, charts are inline SVG.
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << html_escape(doc.title) << "</title>\n"
    // The one script: records what a browser console would show as an error (uncaught errors,
    // console.error, failed loads, CSP violations) for the browser test; the page needs no script.
    << "<script>(function(){var e=[];window.irioErrors=e;function r(m){e.push(String(m));}"
       "window.addEventListener('error',function(v){r(v.message||('cannot load '+((v.target&&(v.target.src||"
       "v.target.href))||'a resource')));},true);"
       "document.addEventListener('securitypolicyviolation',function(v){r('blocked '+v.blockedURI);});"
       "var ce=console.error;console.error=function(){r(Array.prototype.join.call(arguments,' '));"
       "return ce.apply(console,arguments);};"
       "window.addEventListener('load',function(){setTimeout(function(){var b=document.body;"
       "b.setAttribute('data-console-errors',String(e.length));if(e.length)b.setAttribute('data-errors',"
       "e.join(' | '));b.setAttribute('data-loaded',e.length?'errors':'ok');},0);});})();</script>\n"
       "<style>\n"
       "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1000px;margin:1.5em auto;"
       "padding:0 1em;color:#222;line-height:1.4}\n"
       "h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\n"
       "h3{font-size:1.05em;margin-bottom:.2em}.subtitle{color:#555;margin-top:0}\n"
       "nav ul{columns:2;padding-left:1.2em}\n"
       "pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.85em}\n"
       "table.data{border-collapse:collapse;font-size:.85em;margin:.5em 0}\n"
       "table.data caption{text-align:left;font-weight:600;padding:.3em 0}\n"
       "table.data th,table.data td{border-bottom:1px solid #ddd;padding:.15em .6em;text-align:left}\n"
       "table.data td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
       "table.data td.fail{color:#b00020;font-weight:600}\n"
       ".note{color:#555;font-size:.9em;margin-top:.2em}\n"
       "svg.chart{display:block;max-width:100%;height:auto;font-size:11px}\n"
       "svg .grid{stroke:#e4e4e4}svg .axis{stroke:#888}svg .tick,svg .legend{fill:#444}\n"
       "svg .label{fill:#222}svg .axis-label{fill:#444;font-style:italic}\n"
       "svg rect.mark:hover{stroke:#000;stroke-width:1}\n"
       "</style>\n</head>\n<body>\n";
  o << "<h1>" << html_escape(doc.title) << "</h1>\n";
  if (!doc.subtitle.empty()) o << "<p class=\"subtitle\">" << html_escape(doc.subtitle) << "</p>\n";
  o << "<nav><ul>\n";
  for (const auto& s : doc.sections)
    o << "<li><a href=\"#" << html_escape(s.id) << "\">" << html_escape(s.title) << "</a></li>\n";
  o << "</ul></nav>\n";
  for (const auto& s : doc.sections) {
    o << "<section id=\"" << html_escape(s.id) << "\">\n<h2>" << html_escape(s.title) << "</h2>\n";
    for (const auto& p : s.paragraphs) o << "<p>" << html_escape(p) << "</p>\n";
    if (!s.preformatted.empty()) o << "<pre>" << html_escape(s.preformatted) << "</pre>\n";
    for (const auto& c : s.charts) {
      o << "<figure id=\"figure-" << html_escape(c.id) << "\">\n<h3>" << html_escape(c.title) << "</h3>\n";
      if (!c.note.empty()) o << "<p class=\"note\">" << html_escape(c.note) << "</p>\n";
      o << render_bar_chart_svg(c) << "</figure>\n";
    }
    for (const auto& t : s.tables) o << render_table_html(t);
    o << "</section>\n";
  }
  o << "</body>\n</html>\n";
  return o.str();
}

void write_html_report(const ReportDocument& doc, const std::string& path, bool overwrite,
                       const std::vector<std::string>& inputs) {
  internal::AtomicOutput out(path, overwrite, inputs);
  const std::string page = render_html_report(doc);  // before anything is written
  {
    std::ofstream f(out.temp_path(), std::ios::binary);
    f << page;
    f.flush();
    if (!f) throw OutputError(path + ": cannot write the report");
  }
  out.commit();
}

}  // namespace irio::io
