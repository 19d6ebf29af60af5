# Render `irio report` in headless Chromium and check the page as the browser built it.
#   cmake -DIRIO=<irio binary> -DTABLE=<wiod2011.h5> -DCOUNTRIES=<wiod2011_eu27.csv> -DREGIONS=41
#         -DWORK=<folder in the build tree> -P check_report_browser.cmake
# Three reports (the third with --compare, below): the bundled table as is (countries are the regions: 5 charts) and with the EU27
# members as the regions of one country, grouped EU27 / rest of the world, with a scenario file (13
# charts: the three of circulation and the disparity chart are drawn only when some flows are
# national; two per scenario, whose value-added bars go below zero). For each,
# Chromium's --dump-dom gives the DOM after load; the test fails when
#  - chromium is not installed (never passes silently; CI installs the Debian package chromium),
#  - the page recorded a console error: the report's first inline script records uncaught errors,
#    console.error calls, failed loads and Content-Security-Policy violations (any fetch: the page
#    allows none) into <body data-console-errors="N">, which must be "0",
#  - a chart has no marks, or not as many <rect class="mark"> as its data-marks says, or a chart
#    by region has not one bar per region, or the number of charts is not the expected one,
#  - the bars of the regions are not labelled with their display names: the first region's code
#    and name as `irio info` prints them ("AUS (Australia)") must appear as a label "AUS Australia".
# A PNG screenshot of the second report is left at WORK/report.png for a person to look at.
cmake_minimum_required(VERSION 3.16)

find_program(CHROMIUM NAMES chromium chromium-browser google-chrome-stable google-chrome)
if(NOT CHROMIUM)
  message(FATAL_ERROR "chromium not found: install the Debian package 'chromium' (bash setup.sh test does)")
endif()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

# EU27 members vs. the rest as a grouping file (member,group).
file(STRINGS "${COUNTRIES}" _lines)
list(REMOVE_AT _lines 0)
set(_grouping "member,group\n")
foreach(_l IN LISTS _lines)
  string(REPLACE "," ";" _f "${_l}")
  list(GET _f 0 _region)
  list(GET _f 1 _country)
  if(_country STREQUAL "EU27")
    string(APPEND _grouping "${_region},EU27\n")
  else()
    string(APPEND _grouping "${_region},rest of the world\n")
  endif()
endforeach()
file(WRITE "${WORK}/eu_vs_rest.csv" "${_grouping}")
file(WRITE "${WORK}/scenarios.csv" "scenario,factor,origin,destination,closure,fd_factor\neu_half,0.5,all,all,own_region,0.5\n")

set(_chrome_args --headless --disable-gpu --no-sandbox --no-first-run --disable-extensions
    --user-data-dir=${WORK}/chromium-profile)

# The first region's code and display name, as `irio info` shows them.
execute_process(COMMAND "${IRIO}" info "${TABLE}" RESULT_VARIABLE rc OUTPUT_VARIABLE _info ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT _info MATCHES "own country: ([A-Za-z0-9_]+) \\(([^)]+)\\)")
  message(FATAL_ERROR "irio info ${TABLE} (${rc}) names no region:\n${_info}\n${err}")
endif()
set(_first_label "${CMAKE_MATCH_1} ${CMAKE_MATCH_2}")

function(check_report name expected_charts)
  set(_html "${WORK}/${name}.html")
  execute_process(COMMAND "${IRIO}" report "${TABLE}" -o "${_html}" --quiet ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "irio report (${name}) exited ${rc}:\n${out}\n${err}")
  endif()
  execute_process(COMMAND "${CHROMIUM}" ${_chrome_args} --dump-dom "file://${_html}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE dom ERROR_VARIABLE cerr TIMEOUT 120)
  if(NOT rc EQUAL 0 OR dom STREQUAL "")
    message(FATAL_ERROR "chromium --dump-dom ${_html} failed (${rc}):\n${cerr}")
  endif()
  file(WRITE "${WORK}/${name}.dom.html" "${dom}")

  if(NOT dom MATCHES "<body[^>]* data-console-errors=\"0\"")
    string(REGEX MATCH "<body[^>]*>" _body "${dom}")
    message(FATAL_ERROR "${name}: the page reported console errors (or its recorder did not run): ${_body}")
  endif()
  if(NOT dom MATCHES "<body[^>]* data-loaded=\"ok\"")
    message(FATAL_ERROR "${name}: the page did not finish loading cleanly")
  endif()

  # Each chart: its marks counted in the DOM.
  string(REGEX MATCHALL "<svg[^>]*class=\"chart\"[^>]*>" _svgs "${dom}")
  list(LENGTH _svgs _n)
  if(NOT _n EQUAL expected_charts)
    message(FATAL_ERROR "${name}: ${_n} charts in the DOM, expected ${expected_charts}")
  endif()
  set(_rest "${dom}")
  set(_summary "")
  foreach(_i RANGE 1 ${_n})
    string(FIND "${_rest}" "<svg" _start)
    string(SUBSTRING "${_rest}" ${_start} -1 _rest)
    string(FIND "${_rest}" "</svg>" _end)
    string(SUBSTRING "${_rest}" 0 ${_end} _svg)
    string(SUBSTRING "${_rest}" ${_end} -1 _rest)
    string(REGEX MATCH "id=\"chart-([A-Za-z0-9_]+)\"" _ "${_svg}")
    set(_id "${CMAKE_MATCH_1}")
    string(REGEX MATCH "data-marks=\"([0-9]+)\"" _ "${_svg}")
    set(_declared "${CMAKE_MATCH_1}")
    string(REGEX MATCH "data-categories=\"([0-9]+)\"" _ "${_svg}")
    set(_categories "${CMAKE_MATCH_1}")
    string(REGEX MATCHALL "<(rect|circle) class=\"mark" _marks "${_svg}")  # bars, or dots of a dumbbell
    list(LENGTH _marks _count)
    if(_count EQUAL 0 OR NOT _count EQUAL _declared)
      message(FATAL_ERROR "${name}: chart ${_id} has ${_count} marks in the DOM (declared ${_declared})")
    endif()
    if(_id MATCHES "^(participation|levels_region)_")
      if(NOT _categories EQUAL REGIONS OR _count LESS REGIONS)
        message(FATAL_ERROR "${name}: chart ${_id}: ${_categories} bars and ${_count} marks for ${REGIONS} regions")
      endif()
      string(FIND "${_svg}" ">${_first_label}</text>" _named)
      if(_named EQUAL -1)
        message(FATAL_ERROR "${name}: chart ${_id} has no bar labelled '${_first_label}'")
      endif()
    endif()
    string(APPEND _summary " ${_id}=${_count}")
  endforeach()
  message(STATUS "${name}: ${_n} charts, marks:${_summary}")
endfunction()

check_report(report_countries 5)
check_report(report 13 --countries "${COUNTRIES}" --groups "${WORK}/eu_vs_rest.csv" --scenarios "${WORK}/scenarios.csv")
# --compare: one more section of dumbbells (dots, <circle class="mark">): GVC participation in both
# tables (here the table with itself: NVC is zero everywhere, so that chart is left out).
check_report(report_compare 6 --compare "${TABLE}")

execute_process(COMMAND "${CHROMIUM}" ${_chrome_args} --hide-scrollbars --window-size=1100,7600
                        "--screenshot=${WORK}/report.png" "file://${WORK}/report.html"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE cerr TIMEOUT 120)
file(SIZE "${WORK}/report.png" _png_size)
if(NOT rc EQUAL 0 OR _png_size LESS 10000)
  message(FATAL_ERROR "chromium --screenshot failed (${rc}, ${_png_size} bytes):\n${cerr}")
endif()
message(STATUS "screenshot: ${WORK}/report.png (${_png_size} bytes)")
