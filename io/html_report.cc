// SPDX-License-Identifier: MIT
// The report as one HTML page with inline SVG charts (html_report.h).
#include "irio/io/html_report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
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

/// The value axis of a chart: from lo to hi in steps of `step` (1, 2, 2.5 or 5 times a power of
/// ten, about five steps), covering 0 and every value; a chart whose values have one sign gets an
/// axis on that side of 0 only. `decimals`: digits that tell every tick apart (in % on a
/// percentage axis), the same for every tick.
struct Axis {
  double lo = 0, hi = 1, step = 0.2;
  int decimals = 1;
};

Axis value_axis(double min_v, double max_v, bool percent) {
  Axis a;
  double lo = std::min(0.0, min_v), hi = std::max(0.0, max_v);
  if (!(hi > lo)) hi = lo + 1;
  const double raw = (hi - lo) / 5;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  a.step = 10 * p;
  for (double m : {1.0, 2.0, 2.5, 5.0})
    if (m * p >= raw * (1 - 1e-9)) {
      a.step = m * p;
      break;
    }
  a.lo = std::floor(lo / a.step + 1e-9) * a.step;
  a.hi = std::ceil(hi / a.step - 1e-9) * a.step;
  const double shown = (percent ? 100 : 1) * a.step;
  a.decimals = 0;
  while (a.decimals < 12) {
    const double scaled = shown * std::pow(10.0, a.decimals);
    if (std::abs(scaled - std::round(scaled)) <= 1e-6 * scaled) break;
    ++a.decimals;
  }
  return a;
}

/// A tick label: `decimals` digits, thousands grouped with a thin space ("12 000", "5 000") on an
/// axis that reaches 10 000, "%" only on a percentage axis, never "-0".
std::string tick_label(double v, const Axis& a, bool percent) {
  double shown = percent ? 100 * v : v;
  if (std::abs(shown) < 1e-9 * (percent ? 100 : 1) * a.step) shown = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", a.decimals, std::abs(shown));
  std::string digits = buf;
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot), frac = dot == std::string::npos ? "" : digits.substr(dot);
  // Thousands grouped on every tick of an axis that reaches 10 000, so that the ticks look alike.
  if (std::max(std::abs(a.lo), std::abs(a.hi)) * (percent ? 100 : 1) >= 1e4 && whole.size() > 3)
    for (auto i = static_cast<std::ptrdiff_t>(whole.size()) - 3; i > 0; i -= 3)
      whole.insert(static_cast<std::size_t>(i), "\xE2\x80\x89");  // U+2009 thin space
  return (shown < 0 ? "-" : "") + whole + frac + (percent ? " %" : "");
}

// Group colours: a palette without the colours of the value-chain series (level_series of
// analysis/report/report_layout.cc: greys, oranges, greens, olive), so that a group never looks like
// a level. Tableau 20 without those, dark shades first.
constexpr const char* kGroupPalette[] = {"#4e79a7", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f",
                                         "#ff9da7", "#499894", "#a0cbe8", "#d37295", "#79706e", "#86bcb6",
                                         "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6"};
constexpr std::size_t kGroupPaletteSize = sizeof(kGroupPalette) / sizeof(kGroupPalette[0]);

/// The colour of series k when bars are not coloured by group. Only "#rrggbb" is accepted from
/// the chart (it lands in an attribute); anything else falls back to the palette.
std::string series_colour(const BarChart& c, std::size_t k) {
  const std::string& s = c.series[k].colour;
  const bool hex = s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char ch) {
                     return std::isxdigit(static_cast<unsigned char>(ch));
                   });
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
  return s.substr(0, end) + "\xE2\x80\xA6";                                             // U+2026
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
  const std::size_t nc = chart.categories.size(), ns = chart.series.size();
  const auto groups = chart.groups();
  const bool by_group = !groups.empty();
  auto group_colour = [&](const std::string& g) {
    return std::string(kGroupPalette[chart.colour_slot(g) % kGroupPaletteSize]);
  };

  // Label column wide enough for the longest category (about 6.5 px a character at 11 px).
  std::size_t longest = 0;
  for (std::size_t i = 0; i < nc; ++i) longest = std::max(longest, text_length(shorten(chart.label(i), kMaxLabel)));
  const double left = std::clamp(12 + 6.5 * static_cast<double>(longest), 60.0, 280.0);
  const double plot_w = kWidth - left - kRight;

  // The range of the values drawn: stacked, positive segments stack rightwards from 0 and negative
  // ones (e.g. contributions to a change) leftwards; side by side or as dots, each value alone.
  const bool stacked = chart.stacked && !chart.dumbbell;
  double max_v = 0, min_v = 0;
  bool any = false;
  for (std::size_t i = 0; i < nc; ++i) {
    double sum = 0, neg = 0;
    for (const auto& s : chart.series) {
      const double v = s.values[i];
      if (!std::isfinite(v)) continue;
      if (!any) max_v = min_v = v;
      any = true;
      if (!stacked) {
        max_v = std::max(max_v, v);
        min_v = std::min(min_v, v);
      } else if (v > 0) {
        sum += v;
      } else {
        neg += v;
      }
    }
    if (stacked) {
      max_v = std::max(max_v, sum);
      min_v = std::min(min_v, neg);
    }
  }
  const Axis axis = value_axis(min_v, max_v, chart.percent);
  const double x_min = axis.lo, x_max = axis.hi;
  const int steps = static_cast<int>(std::lround((x_max - x_min) / axis.step));
  auto x_of = [&](double v) { return left + plot_w * (v - x_min) / (x_max - x_min); };

  // Rows: one bar (stacked, dumbbell) or one thinner bar per series side by side.
  const double sub_h = stacked || chart.dumbbell ? kBarHeight : std::max(5.0, 20.0 / static_cast<double>(ns));
  const double row_h = (stacked || chart.dumbbell ? kBarHeight : sub_h * static_cast<double>(ns)) + kBarGap;
  const double plot_h = static_cast<double>(nc) * row_h;
  const double axis_y = kTop + plot_h + 4;
  // Legend: one row of swatches per 4 entries.
  std::vector<std::pair<std::string, std::string>> legend;  // label, fill/opacity style
  if (by_group) {
    for (const auto& g : groups) legend.emplace_back(g, "fill:" + group_colour(g));
    if (ns > 1)
      for (std::size_t k = 0; k < ns; ++k)
        legend.emplace_back(chart.series[k].name, "fill:#555;fill-opacity:" + fmt("%.2f", kShades[k % kShadesSize]));
  } else {
    for (std::size_t k = 0; k < ns; ++k) legend.emplace_back(chart.series[k].name, "fill:" + series_colour(chart, k));
  }
  // As many legend columns (at most 4) as the longest label allows.
  std::size_t longest_entry = 0;
  for (const auto& e : legend) longest_entry = std::max(longest_entry, text_length(e.first));
  const double entry_w = 17 + 6.5 * static_cast<double>(longest_entry) + 16;
  const std::size_t columns = std::clamp<std::size_t>(static_cast<std::size_t>((kWidth - 20) / entry_w), 1, 4);
  const std::size_t legend_rows = (legend.size() + columns - 1) / columns;
  const double legend_y = axis_y + (chart.axis_label.empty() ? 34 : 48);
  const double height = legend_y + 18 * static_cast<double>(legend_rows) + 4;

  std::ostringstream o;
  const std::size_t marks = chart.num_marks();
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-" << html_escape(chart.id)
    << "\" data-marks=\"" << marks << "\" data-categories=\"" << nc << "\" width=\"" << px(kWidth) << "\" height=\""
    << px(height) << "\" viewBox=\"0 0 " << px(kWidth) << ' ' << px(height) << "\" role=\"img\" aria-label=\""
    << html_escape(chart.title) << "\">\n";
  o << "<title>" << html_escape(chart.title) << "</title>\n";

  // Grid lines and tick labels.
  for (int t = 0; t <= steps; ++t) {
    const double v = x_min + axis.step * t;
    const double x = x_of(v);
    o << "<line class=\"grid\" x1=\"" << px(x) << "\" y1=\"" << px(kTop) << "\" x2=\"" << px(x) << "\" y2=\""
      << px(axis_y) << "\"/>";
    o << "<text class=\"tick\" x=\"" << px(x) << "\" y=\"" << px(axis_y + 13) << "\" text-anchor=\"middle\">"
      << html_escape(tick_label(v, axis, chart.percent)) << "</text>";
  }
  o << "\n";
  if (!chart.axis_label.empty())
    o << "<text class=\"axis-label\" x=\"" << px(left + plot_w / 2) << "\" y=\"" << px(axis_y + 28)
      << "\" text-anchor=\"middle\">" << html_escape(chart.axis_label) << "</text>\n";

  // Bars.
  for (std::size_t i = 0; i < nc; ++i) {
    const double y = kTop + static_cast<double>(i) * row_h;
    // The label, with the full label and the code in a tooltip when it shows less.
    const std::string& full = chart.label(i);
    const std::string shown = shorten(full, kMaxLabel);
    std::string tip = full == chart.categories[i] || full.rfind(chart.categories[i] + " ", 0) == 0
                          ? full
                          : full + " (" + chart.categories[i] + ")";
    o << "<text class=\"label\" x=\"" << px(left - 6) << "\" y=\"" << px(y + (row_h - kBarGap) / 2 + 4)
      << "\" text-anchor=\"end\">";
    if (tip != shown) o << "<title>" << html_escape(tip) << "</title>";
    o << html_escape(shown) << "</text>";
    const std::string group_fill = by_group ? group_colour(chart.category_groups[i]) : std::string();
    auto mark_title = [&](std::size_t k, double v) {
      std::string t = html_escape(tip);
      if (by_group) t += " (" + html_escape(chart.category_groups[i]) + ")";
      return t + " | " + html_escape(chart.series[k].name) + ": " + html_escape(show_value(v, chart.percent));
    };
    if (chart.dumbbell) {
      // The line between the first and the last finite value, then a dot per value.
      double lo = std::nan(""), hi = std::nan("");
      for (const auto& s : chart.series)
        if (std::isfinite(s.values[i])) {
          lo = std::isfinite(lo) ? std::min(lo, s.values[i]) : s.values[i];
          hi = std::isfinite(hi) ? std::max(hi, s.values[i]) : s.values[i];
        }
      const double cy = y + kBarHeight / 2;
      if (std::isfinite(lo) && hi > lo)
        o << "<line class=\"link\" x1=\"" << px(x_of(lo)) << "\" y1=\"" << px(cy) << "\" x2=\"" << px(x_of(hi))
          << "\" y2=\"" << px(cy) << "\" stroke=\"#999\" stroke-width=\"2\"/>";
      for (std::size_t k = 0; k < ns; ++k) {
        const double v = chart.series[k].values[i];
        if (!std::isfinite(v)) continue;
        o << "<circle class=\"mark s" << k << "\" cx=\"" << px(x_of(v)) << "\" cy=\"" << px(cy) << "\" r=\"5\" fill=\""
          << series_colour(chart, k) << "\"><title>" << mark_title(k, v) << "</title></circle>";
      }
      o << "\n";
      continue;
    }
    double at = 0, at_neg = 0;
    for (std::size_t k = 0; k < ns; ++k) {
      const double v = chart.series[k].values[i];
      if (!(std::isfinite(v) && v != 0)) continue;
      const bool neg = v < 0;
      double from = 0, to = 0, top = y, h = kBarHeight;
      if (stacked) {
        from = neg ? at_neg + v : at;
        to = neg ? at_neg : at + v;
        (neg ? at_neg : at) += v;
      } else {
        from = std::min(0.0, v);
        to = std::max(0.0, v);
        top = y + sub_h * static_cast<double>(k);
        h = sub_h - 1;
      }
      const std::string fill = by_group ? group_fill : series_colour(chart, k);
      const double opacity = by_group ? kShades[k % kShadesSize] : 1.0;
      o << "<rect class=\"mark s" << k << "\" x=\"" << px(x_of(from)) << "\" y=\"" << px(top) << "\" width=\""
        << fmt("%.2f", std::max(0.0, x_of(to) - x_of(from))) << "\" height=\"" << px(h) << "\" fill=\"" << fill << "\"";
      if (opacity < 1) o << " fill-opacity=\"" << fmt("%.2f", opacity) << "\"";
      if (by_group) o << " data-group=\"" << html_escape(chart.category_groups[i]) << "\"";
      o << "><title>" << mark_title(k, v) << "</title></rect>";
    }
    o << "\n";
  }
  if (x_min < 0)  // the zero line between negative and positive values
    o << "<line class=\"axis\" x1=\"" << px(x_of(0)) << "\" y1=\"" << px(kTop) << "\" x2=\"" << px(x_of(0))
      << "\" y2=\"" << px(axis_y) << "\"/>\n";
  o << "<line class=\"axis\" x1=\"" << px(left) << "\" y1=\"" << px(axis_y) << "\" x2=\"" << px(left + plot_w)
    << "\" y2=\"" << px(axis_y) << "\"/>\n";

  // Legend.
  for (std::size_t e = 0; e < legend.size(); ++e) {
    const double lx = 10 + static_cast<double>(e % columns) * (kWidth - 20) / static_cast<double>(columns);
    const std::size_t row = e / columns;  // the legend's row
    const double ly = legend_y + 18 * static_cast<double>(row);
    o << "<rect class=\"swatch\" x=\"" << px(lx) << "\" y=\"" << px(ly - 10) << "\" width=\"12\" height=\"12\" style=\""
      << legend[e].second << "\"/><text class=\"legend\" x=\"" << px(lx + 17) << "\" y=\"" << px(ly) << "\">"
      << html_escape(legend[e].first) << "</text>\n";
  }
  o << "</svg>\n";
  return o.str();
}

std::string render_chart_svg_file(const BarChart& chart) {
  std::string svg = render_bar_chart_svg(chart);
  // The page's chart styles, inside the SVG, so that the file draws the same on its own.
  const auto close = svg.find("\">\n");
  svg.insert(close + 3,
             "<style>svg{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
             "font-size:11px}.grid{stroke:#e4e4e4}.axis{stroke:#888}.tick,.legend{fill:#444}.label{fill:#222}"
             ".axis-label{fill:#444;font-style:italic}</style>\n");
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
}

std::string chart_file_name(const BarChart& chart) {
  std::string name;
  for (char ch : chart.id) name += std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' ? ch : '_';
  return (name.empty() ? std::string("chart") : name) + ".svg";
}

std::vector<std::string> write_chart_svgs(const ReportDocument& doc, const std::string& dir, bool overwrite,
                                          const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw OutputError("chart folder '" + dir + "' is a file; give a folder for the SVG files");
  if (!fs::exists(dir, ec) && !fs::create_directory(dir, ec))
    throw OutputError("chart folder '" + dir + "' cannot be created" + (ec ? ": " + ec.message() : std::string()));
  // Every file is drawn and checked before the first is written.
  std::vector<std::pair<std::string, std::string>> files;  // path, text
  for (const auto& s : doc.sections)
    for (const auto& c : s.charts) {
      const std::string path = (fs::path(dir) / chart_file_name(c)).string();
      for (const auto& f : files)
        if (f.first == path) throw OutputError("chart folder '" + dir + "': two charts would both be " + path);
      if (!overwrite && fs::exists(path, ec))
        throw OutputError("chart file '" + path + "' exists; use --force to replace it");
      files.emplace_back(path, render_chart_svg_file(c));
    }
  std::vector<std::string> written;
  for (const auto& [path, text] : files) {
    internal::AtomicOutput out(path, overwrite, inputs);
    {
      std::ofstream f(out.temp_path(), std::ios::binary);
      f << text;
      f.flush();
      if (!f) throw OutputError(path + ": cannot write the chart");
    }
    out.commit();
    written.push_back(path);
  }
  return written;
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
    for (std::size_t j = 0; j < row.size(); ++j) {
      const auto& cell = row[j];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        const bool flag = *s == "FAILED" || *s == "error";
        o << (flag ? "<td class=\"fail\">" : "<td>") << html_escape(*s) << "</td>";
      } else {
        const double v = std::get<double>(cell);
        const std::string f = table.number_format(j);
        o << "<td class=\"num\">"
          << html_escape(!f.empty() ? format_number(v, f) : show_value(v, false, table.decimals)) << "</td>";
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
    << "<title>" << html_escape(doc.title)
    << "</title>\n"
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
