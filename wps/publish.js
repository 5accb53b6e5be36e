/*
 * The install page's script. It talks only to the clerk's own WPS, through the local service
 * WPS runs on 127.0.0.1:58890 (the "publish" install mode): enable or disable our add-in, whose
 * address is the intranet one written into the page at build time. Plain ES5: the page may be
 * opened in an old browser.
 */
(function () {
  var SERVICE = 'http://127.0.0.1:58890';
  var addon = JSON.parse(document.getElementById('addon').getAttribute('data-addon'));
  var status = document.getElementById('status');
  document.getElementById('url').textContent = addon.url;

  function say(text) {
    status.textContent = text;
  }

  /** WPS's service takes the command as base64 of its UTF-8 JSON. */
  function encode(value) {
    return window.btoa(unescape(encodeURIComponent(JSON.stringify(value))));
  }

  function post(path, body, done, failed) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', SERVICE + path);
    xhr.timeout = 5000;
    xhr.onload = function () {
      if (xhr.status === 200) done(xhr.responseText);
      else failed('WPS 返回 ' + xhr.status);
    };
    xhr.onerror = xhr.ontimeout = function () {
      failed('无法连接');
    };
    xhr.send(body);
  }

  /** The service may not be running: ask the system to start it (WPS's own protocol), then try once more. */
  function withService(run) {
    post(
      '/version',
      '',
      function () {
        run();
      },
      function () {
        say('正在启动本机 WPS 的安装服务……');
        window.location.href = 'ksoWPSCloudSvr://start=RelayHttpServer';
        setTimeout(function () {
          post(
            '/version',
            '',
            function () {
              run();
            },
            function () {
              say('无法连接本机 WPS：请先启动 WPS 表格，再点一次。');
            },
          );
        }, 3000);
      },
    );
  }

  function command(cmd, doneText) {
    say('正在处理……');
    withService(function () {
      var data = { cmd: cmd, name: addon.name, url: addon.url, addonType: addon.addonType, online: addon.online, version: addon.version, customDomain: '' };
      post(
        '/deployaddons/runParams',
        encode(data),
        function (text) {
          say(text === 'OK' || text === '' ? doneText : 'WPS 未接受：' + text);
        },
        function (why) {
          say('操作失败（' + why + '）。');
        },
      );
    });
  }

  document.getElementById('install').onclick = function () {
    command('enable', '已安装。请关闭并重新打开 WPS 表格，功能区会出现“年报助手”选项卡。');
  };
  document.getElementById('uninstall').onclick = function () {
    command('disable', '已卸载。重新打开 WPS 表格后，“年报助手”选项卡不再出现。');
  };
})();
