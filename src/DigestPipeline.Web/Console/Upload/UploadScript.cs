namespace DigestPipeline.Web.Console.Upload;

/// <summary>
/// The upload page's one script, allowed by its hash (<see cref="ConsoleRequest.PageAsync"/>): files dropped on the
/// drop zone join the file input's; on submit, each file goes in a request of its own (the form token as the
/// <c>X-Console-Csrf</c> header, JSON asked for), with a <c>progress</c> bar fed by the upload's progress events and
/// its outcome once answered, in the same list (<c>li[data-outcome]</c>) the plain form's answer shows. A file past
/// the size cap is refused here without being sent (the server would refuse it too). Its words come from the form's
/// <c>data-</c> attributes (the console's resources). Without script, the form posts every file in one request.
/// </summary>
internal static class UploadScript
{
    public const string Source = """
        (() => {
          const form = document.getElementById('upload-form');
          const input = form.querySelector('input[type=file][name=files]');
          const zone = document.getElementById('upload-drop');
          const box = document.getElementById('upload-outcomes');
          const list = document.getElementById('upload-list');
          const token = form.querySelector('input[name=_csrf]').value;
          const words = form.dataset;
          const maxBytes = Number(words.maxBytes);

          zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('dp-drop-over'); });
          zone.addEventListener('dragleave', () => zone.classList.remove('dp-drop-over'));
          zone.addEventListener('drop', e => {
            e.preventDefault();
            zone.classList.remove('dp-drop-over');
            const all = new DataTransfer();
            for (const file of [...input.files, ...e.dataTransfer.files]) all.items.add(file);
            input.files = all.files;
          });

          form.addEventListener('submit', e => {
            if (input.files.length === 0) return;
            e.preventDefault();
            box.hidden = false;
            for (const file of input.files) send(file);
            input.value = '';
          });

          function send(file) {
            const item = document.createElement('li');
            const name = document.createElement('strong');
            const bar = document.createElement('progress');
            const note = document.createElement('span');
            name.textContent = file.name;
            bar.max = Math.max(file.size, 1);
            bar.value = 0;
            bar.setAttribute('aria-label', file.name);
            note.textContent = words.sending;
            item.append(name, ' ', bar, ' ', note);
            list.append(item);
            if (file.size > maxBytes) return done(item, bar, note, { outcome: 'refused', problem: words.tooLarge });

            const body = new FormData();
            body.append('files', file, file.name);
            const request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.setRequestHeader('X-Console-Csrf', token);
            request.setRequestHeader('Accept', 'application/json');
            request.upload.addEventListener('progress', e => { if (e.lengthComputable) { bar.max = e.total; bar.value = e.loaded; } });
            request.addEventListener('load', () => {
              let answer = null;
              try { answer = JSON.parse(request.responseText); } catch { }
              done(item, bar, note, answer?.files?.[0] ?? { outcome: 'refused', problem: answer?.problem ?? words.failed + ' (' + request.status + ')' });
            });
            request.addEventListener('error', () => done(item, bar, note, { outcome: 'refused', problem: words.failed }));
            request.send(body);
          }

          function done(item, bar, note, file) {
            bar.value = bar.max;
            item.dataset.outcome = file.outcome;
            if (file.outcome === 'accepted') {
              item.dataset.uploadId = file.id;
              const id = document.createElement('code');
              const link = document.createElement('a');
              id.textContent = file.id;
              link.href = file.state;
              link.textContent = words.state;
              note.textContent = words.accepted + ' ';
              note.append(id, ' · ', link);
            } else {
              note.textContent = words.refused + ' ' + file.problem;
            }
          }
        })();
        """;
}
